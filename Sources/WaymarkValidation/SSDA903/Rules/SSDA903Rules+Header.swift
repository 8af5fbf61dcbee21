import WaymarkDomain
import WaymarkReturns

/// The child's details: sex, date of birth, ethnicity, UPN, motherhood.
extension SSDA903Rules {
    static let header: [SSDA903Rule] = [
        SSDA903Rule("101", [.header: [.sex]]) { $0.notIn(.header, .sex, SSDA903Codes.sex, blankAllowed: false) },
        SSDA903Rule("102", [.header: [.dob]]) { $0.notADay(.header, .dob, required: true) },
        SSDA903Rule("103", [.header: [.ethnic]]) { $0.notIn(.header, .ethnic, SSDA903Codes.ethnicity, blankAllowed: false) },
        // Whether a girl or young woman looked after in the year other than by short breaks (V3, V4) is a mother (1) or
        // not (0) must be given ("2" is the old code for female): one whose only episodes in the year are short breaks is
        // not asked, even where an episode of the year before ran into it; one whose last episode is a short break after
        // other care in the year is. The header also holds care leavers and others with no episode in the year, of whom
        // it is not asked. A value given must be 0 or 1.
        SSDA903Rule("165", [.header: [.sex, .mother], .episodes: [.ls]], needs: [.header]) { data in
            let children = data[.header]![.child], sex = data[.header]![.sex], mother = data[.header]![.mother]
            let legalStatus = data[.episodes]?[.ls] ?? []
            return data.rows(.header) { row in
                guard mother[row].isEmpty else { return !SSDA903Codes.yesNo.contains(mother[row]) }
                return (sex[row] == "F" || sex[row] == "2")
                    && data.lookedAfterInYear(children[row]) { legalStatus[$0] != "V3" && legalStatus[$0] != "V4" }
            }
        },
        SSDA903Rule("168", [.header: [.upn]]) { data in
            let upn = data[.header]![.upn]
            return data.rows(.header) { !upn[$0].isEmpty && !SSDA903Codes.unknownUPN.contains(upn[$0]) && !SSDA903Codes.isUPN(upn[$0]) }
        },
        SSDA903Rule("171", [.header: [.motherChildDOB]]) { $0.notADay(.header, .motherChildDOB) },
        SSDA903Rule("174", [.header: [.sex, .motherChildDOB]]) { data in
            let sex = data[.header]![.sex], child = data[.header]![.motherChildDOB]
            return data.rows(.header) { sex[$0] == "M" && !child[$0].isEmpty }
        },
        SSDA903Rule("232", [.header: [.sex]]) { data in
            let sex = data[.header]![.sex]
            return data.rows(.header) { sex[$0] == "U" }
        },
        SSDA903Rule("301", [.header: [.dob]]) { data in
            let born = data[.header]!.days(.dob), end = data.year.end
            return data.rows(.header) { Days.isDay(born[$0]) && born[$0] > end }
        },
        SSDA903Rule("442", [.header: [.upn], .episodes: [.ls]]) { data in
            // Every child looked after must have a UPN or an unknown code; V3 and V4 (short breaks) aside.
            let upn = data[.header]![.upn], children = data[.header]![.child], ls = data[.episodes]![.ls]
            return data.rows(.header) { row in
                upn[row].isEmpty && (data.episodes[children[row]] ?? []).contains { ls[$0] != "V3" && ls[$0] != "V4" }
            }
        },
        SSDA903Rule("444", [.header: [.upn]]) { data in
            let upn = data[.header]![.upn]
            var count: [String: Int] = [:]
            for value in upn where !value.isEmpty && !SSDA903Codes.unknownUPN.contains(value) { count[value, default: 0] += 1 }
            return data.rows(.header) { count[upn[$0], default: 0] > 1 }
        },
        SSDA903Rule("611", [.header: [.mother, .motherChildDOB]]) { data in
            let mother = data[.header]![.mother], child = data[.header]![.motherChildDOB]
            return data.rows(.header) { mother[$0] == "1" && child[$0].isEmpty }
        },
        SSDA903Rule("612", [.header: [.mother, .motherChildDOB]]) { data in
            let mother = data[.header]![.mother], child = data[.header]![.motherChildDOB]
            return data.rows(.header) { mother[$0] == "0" && !child[$0].isEmpty }
        },
        SSDA903Rule("620", [.header: [.mother, .dob]]) { data in
            let mother = data[.header]![.mother], born = data[.header]!.days(.dob), end = data.year.end
            return data.rows(.header) { mother[$0] == "1" && Days.isDay(born[$0]) && Days.age(born: born[$0], on: end) < 11 }
        },
        SSDA903Rule("621", [.header: [.dob, .motherChildDOB]]) { data in
            let born = data[.header]!.days(.dob), child = data[.header]!.days(.motherChildDOB)
            return data.rows(.header) { Days.isDay(born[$0]) && Days.isDay(child[$0]) && child[$0] <= born[$0] }
        },
    ]

    /// D2I's integrity checks (not DfE rules): every child in a table is in the header, once where a table has one row
    /// a child, with the header's date of birth and sex.
    static let integrity: [SSDA903Rule] = {
        let inHeader: [(String, SSDA903Table)] = [
            ("INT01", .ad1), ("INT02", .placedForAdoption), ("INT03", .episodes), ("INT04", .missing),
            ("INT05", .oc2), ("INT06", .oc3), ("INT07", .previousPermanence), ("INT08", .reviews),
            ("INT09", .uasc),
        ]
        let sameBirth: [(String, SSDA903Table)] = [
            ("INT11", .ad1), ("INT12", .placedForAdoption), ("INT13", .missing), ("INT14", .oc2),
            ("INT15", .oc3), ("INT16", .previousPermanence), ("INT17", .reviews), ("INT18", .uasc),
        ]
        let once: [(String, SSDA903Table)] = [
            ("INT31", .ad1), ("INT32", .header), ("INT33", .oc2), ("INT34", .oc3),
            ("INT35", .previousPermanence), ("INT36", .uasc),
        ]
        return inHeader.map { code, table in
            SSDA903Rule(code, [table: [.child]], needs: [table, .header]) { $0.notInHeader(table) }
        }
            + sameBirth.map { code, table in
                SSDA903Rule(code, [table: [.dob]], needs: [table, .header]) { data in
                    let children = data[table]![.child], dob = data[table]![.dob], header = data[.header]![.dob]
                    return data.rows(table) { row in data.headerRow[children[row]].map { header[$0] != dob[row] } ?? false }
                }
            } + [
                SSDA903Rule("INT21", [.uasc: [.sex]], needs: [.uasc, .header]) { data in
                    let children = data[.uasc]![.child], sex = data[.uasc]![.sex], header = data[.header]![.sex]
                    return data.rows(.uasc) { row in data.headerRow[children[row]].map { header[$0] != sex[row] } ?? false }
                }
            ]
            + once.map { code, table in
                SSDA903Rule(code, [table: [.child]]) { $0.repeated(table) }
            }
    }()
}
