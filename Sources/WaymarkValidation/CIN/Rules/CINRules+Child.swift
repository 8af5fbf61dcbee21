import WaymarkDomain
import WaymarkReturns

/// The return's header and the child's identifiers and characteristics: IDs, UPNs, dates of birth and death, sex,
/// ethnicity, disabilities.
extension CINRules {
    static let child: [CINRule] = [
        CINRule("100", [.header: [.referenceDate]]) { data in
            let reference = data[.header].days(.referenceDate)
            return data.rows(.header) { reference[$0] != data.period.end }
        },
        CINRule("8500", [.childIdentifiers: [.child]]) { data in
            let ids = data[.childIdentifiers][.child]
            return data.rows(.childIdentifiers) { ids[$0].isEmpty }
        },
        CINRule("1570", [.childIdentifiers: [.child]]) { data in
            let ids = data[.childIdentifiers][.child]
            return data.rows(.childIdentifiers) { ids[$0].count > 20 }
        },
        CINRule("1580", [.childIdentifiers: [.child]]) { data in
            let ids = data[.childIdentifiers][.child]
            return data.rows(.childIdentifiers) { row in
                !ids[row].unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
            }
        },
        CINRule("8510", [.childIdentifiers: [.child]]) { data in data.repeatedValues(.childIdentifiers, .child) },
        CINRule("1510", [.childIdentifiers: [.upn]]) { data in
            let upns = data[.childIdentifiers][.upn]
            return data.rows(.childIdentifiers) { row in
                let upn = Array(upns[row].utf8)
                return CINCodes.checkLetter(upn).map { $0 != upn[0] } ?? false
            }
        },
        CINRule("1520", [.childIdentifiers: [.upn]]) { data in data.repeatedValues(.childIdentifiers, .upn) },
        CINRule("1530", [.childIdentifiers: [.upn]]) { data in
            let upns = data[.childIdentifiers][.upn]
            return data.rows(.childIdentifiers) { row in
                upns[row].count >= 4 && !CINCodes.localAuthorities.contains(String(upns[row].dropFirst().prefix(3)))
            }
        },
        CINRule("1540", [.childIdentifiers: [.upn]]) { data in
            let upns = data[.childIdentifiers][.upn]
            return data.rows(.childIdentifiers) { row in
                let upn = Array(upns[row].utf8)
                return !upn.isEmpty && (upn.count < 12 || !upn[4..<12].allSatisfy { (48...57).contains($0) })
            }
        },
        CINRule("1550", [.childIdentifiers: [.upn]]) { data in
            let upns = data[.childIdentifiers][.upn]
            return data.rows(.childIdentifiers) { row in
                let upn = Array(upns[row].utf8)
                return !upn.isEmpty && (upn.count < 13 || !((48...57).contains(upn[12]) || CINCodes.checkLetters.contains(upn[12])))
            }
        },
        CINRule("1560Q", [.childIdentifiers: [.formerUPN]]) { data in
            // Formatted as a UPN: a check letter that is right for the 12 characters after it.
            let formers = data[.childIdentifiers][.formerUPN]
            return data.rows(.childIdentifiers) { row in
                let upn = Array(formers[row].utf8)
                return !upn.isEmpty && CINCodes.checkLetter(upn) != upn[0]
            }
        },
        CINRule("8770Q", [.childIdentifiers: [.upn, .upnUnknown, .birthDate]]) { data in
            // School age: from the 1 September after the fifth birthday to the end of the school year of the
            // sixteenth, here taken as 5 to 16 at 31 August before the census day.
            let t = data[.childIdentifiers], upns = t[.upn], unknown = t[.upnUnknown], born = t.days(.birthDate)
            let august = Days.number(year: Days.civil(data.period.end).year - 1, month: 8, day: 31)
            return data.rows(.childIdentifiers) { row in
                guard Days.isDay(born[row]), (5...15).contains(Days.age(born: born[row], on: august)) else { return false }
                return (upns[row].isEmpty && unknown[row].isEmpty) || unknown[row] == "UN1"
            }
        },
        CINRule("8772", [.childIdentifiers: [.upnUnknown], .cinDetails: [.referralNFA]]) { data in
            let unknown = data[.childIdentifiers][.upnUnknown], nfa = data[.cinDetails][.referralNFA]
            return data.rows(.childIdentifiers) { row in
                unknown[row] == "UN7" && data.rows(.cinDetails, ofChild: row).contains { CINYesNo.read(nfa[$0]) == false }
            }
        },
        CINRule("8525Q", [.childIdentifiers: [.birthDate, .expectedBirthDate]]) { data in
            let born = data[.childIdentifiers][.birthDate], expected = data[.childIdentifiers][.expectedBirthDate]
            return data.rows(.childIdentifiers) { born[$0].isEmpty == expected[$0].isEmpty }
        },
        CINRule("8520", [.childIdentifiers: [.birthDate]]) { data in
            let born = data[.childIdentifiers].days(.birthDate)
            return data.rows(.childIdentifiers) { Days.isDay(born[$0]) && born[$0] > data.period.end }
        },
        CINRule("8530Q", [.childIdentifiers: [.expectedBirthDate]]) { data in
            let expected = data[.childIdentifiers].days(.expectedBirthDate), year = Days.civil(data.period.end).year
            let range = Days.number(year: year, month: 3, day: 1)...Days.number(year: year, month: 12, day: 31)
            return data.rows(.childIdentifiers) { Days.isDay(expected[$0]) && !range.contains(expected[$0]) }
        },
        CINRule("8535Q", [.childIdentifiers: [.birthDate, .deathDate]]) { data in
            let born = data[.childIdentifiers].days(.birthDate), died = data[.childIdentifiers].days(.deathDate)
            return data.rows(.childIdentifiers) { Days.isDay(born[$0]) && Days.isDay(died[$0]) && died[$0] < born[$0] }
        },
        CINRule("8545Q", [.childIdentifiers: [.deathDate]]) { $0.outsidePeriod(.childIdentifiers, .deathDate) },
        CINRule("8775Q", [.childIdentifiers: [.birthDate]]) { data in
            let born = data[.childIdentifiers].days(.birthDate)
            return data.rows(.childIdentifiers) { Days.isDay(born[$0]) && data.period.end > Days.birthday(25, born: born[$0]) }
        },
        CINRule("4180", [.childIdentifiers: [.sex]]) { $0.notIn(.childIdentifiers, .sex, CINCodes.sex, blankAllowed: false) },
        CINRule("8750", [.childIdentifiers: [.sex, .birthDate, .expectedBirthDate]]) { data in
            // Unborn: an expected date of birth and no date of birth.
            let t = data[.childIdentifiers], sex = t[.sex], born = t[.birthDate], expected = t[.expectedBirthDate]
            return data.rows(.childIdentifiers) { born[$0].isEmpty && !expected[$0].isEmpty && sex[$0] != "U" }
        },
        CINRule("2886Q", [.header: [], .childIdentifiers: [.sex]]) { data in
            let t = data[.childIdentifiers], sex = t[.sex], born = t[.birthDate], expected = t[.expectedBirthDate]
            let counted = (0..<t.count).filter { !(born[$0].isEmpty && !expected[$0].isEmpty) }
            let unknown = counted.filter { sex[$0].isEmpty || sex[$0] == "U" }.count
            return !counted.isEmpty && unknown * 50 > counted.count ? data.hits(.header, [0]) : []
        },
        CINRule("4220", [.childCharacteristics: [.ethnicity]]) { data in
            data.notIn(.childCharacteristics, .ethnicity, SSDA903Codes.ethnicity, blankAllowed: false)
        },
        CINRule("8540", [.disabilities: [.disability]]) { $0.notIn(.disabilities, .disability, CINCodes.disability, blankAllowed: false) },
        CINRule("8790", [.disabilities: [.disability]]) { data in
            let codes = data[.disabilities][.disability]
            return (data.rowsOfChild[.disabilities] ?? []).flatMap { rows in
                rows.contains { codes[$0] == CINCodes.noDisability } && rows.contains { codes[$0] != CINCodes.noDisability }
                    ? data.hits(.disabilities, rows) : []
            }
        },
        CINRule("8794", [.disabilities: [.disability]]) { data in
            let codes = data[.disabilities][.disability]
            return (data.rowsOfChild[.disabilities] ?? []).flatMap { rows in
                var seen: [String: Int] = [:]
                for row in rows { seen[codes[row], default: 0] += 1 }
                return data.hits(.disabilities, rows.filter { seen[codes[$0]]! > 1 })
            }
        },
        CINRule("2887Q", [.header: [], .disabilities: [.disability]]) { data in
            let used = Set(data[.disabilities][.disability]).intersection(CINCodes.disability).subtracting([CINCodes.noDisability])
            return used.count < 8 ? data.hits(.header, [0]) : []
        },
        CINRule("2888Q", [.header: [], .disabilities: [.disability]]) { data in
            // Said of the return: children have disabilities recorded, but never more than one each.
            let codes = data[.disabilities][.disability]
            let counts = (data.rowsOfChild[.disabilities] ?? []).map { $0.filter { codes[$0] != CINCodes.noDisability }.count }
            return counts.contains { $0 > 0 } && !counts.contains { $0 > 1 } ? data.hits(.header, [0]) : []
        },
        CINRule("8590", [.childIdentifiers: [.child]]) { data in
            data.rows(.childIdentifiers) { data.rows(.cinDetails, ofChild: $0).isEmpty }
        },
    ]
}

extension CINCensusData {
    /// Rows whose value in `column` is given and appears in another row too.
    func repeatedValues(_ table: CINTable, _ column: CINColumn) -> [RowHit] {
        let values = self[table][column]
        var seen: [String: Int] = [:]
        for value in values where !value.isEmpty { seen[value, default: 0] += 1 }
        return rows(table) { seen[values[$0], default: 0] > 1 }
    }
}
