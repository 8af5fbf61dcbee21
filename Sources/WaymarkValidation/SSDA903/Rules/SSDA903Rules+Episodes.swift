import WaymarkDomain
import WaymarkReturns

/// Episodes of care: each episode's own values, then each episode against the one before and after it.
extension SSDA903Rules {
    static let episodeValues: [SSDA903Rule] = [
        SSDA903Rule("141", [.episodes: [.decom]]) { $0.notADay(.episodes, .decom, required: true) },
        SSDA903Rule("143", [.episodes: [.rne]]) { $0.notIn(.episodes, .rne, SSDA903Codes.reasonForNewEpisode, blankAllowed: false) },
        SSDA903Rule("144", [.episodes: [.ls]]) { $0.notIn(.episodes, .ls, SSDA903Codes.legalStatus, blankAllowed: false) },
        SSDA903Rule("145", [.episodes: [.cin]]) { $0.notIn(.episodes, .cin, SSDA903Codes.categoryOfNeed, blankAllowed: false) },
        SSDA903Rule("146", [.episodes: [.place]]) { $0.notIn(.episodes, .place, SSDA903Codes.placement, blankAllowed: false) },
        SSDA903Rule("147", [.episodes: [.dec]]) { $0.notADay(.episodes, .dec) },
        SSDA903Rule("148", [.episodes: [.dec, .rec]]) { data in
            let dec = data[.episodes]![.dec], rec = data[.episodes]![.rec]
            return data.rows(.episodes) { dec[$0].isEmpty != rec[$0].isEmpty }
        },
        SSDA903Rule("149", [.episodes: [.rec]]) { $0.notIn(.episodes, .rec, SSDA903Codes.reasonEpisodeCeased) },
        SSDA903Rule("178", [.episodes: [.placeProvider]]) { $0.notIn(.episodes, .placeProvider, SSDA903Codes.placementProvider) },
        SSDA903Rule("1009", [.episodes: [.reasonPlaceChange]]) {
            $0.notIn(.episodes, .reasonPlaceChange, SSDA903Codes.reasonForPlacementChange)
        },
        SSDA903Rule("353", [.episodes: [.decom]]) { data in
            let start = data[.episodes]!.days(.decom), earliest = Days.number(year: 1991, month: 10, day: 14)
            return data.rows(.episodes) { Days.isDay(start[$0]) && start[$0] < earliest }
        },
        SSDA903Rule("354", [.episodes: [.dec]]) { endsAfterTheYear($0) },
        SSDA903Rule("385", [.episodes: [.dec]]) { endsAfterTheYear($0) },
        SSDA903Rule("355", [.episodes: [.decom, .dec]]) { data in
            let start = data[.episodes]!.days(.decom), end = data[.episodes]!.days(.dec)
            return data.rows(.episodes) { Days.isDay(start[$0]) && start[$0] == end[$0] }
        },
        SSDA903Rule("356", [.episodes: [.decom, .dec]]) { data in
            let start = data[.episodes]!.days(.decom), end = data[.episodes]!.days(.dec)
            return data.rows(.episodes) { Days.isDay(start[$0]) && Days.isDay(end[$0]) && end[$0] < start[$0] }
        },
        SSDA903Rule("446", [.episodes: [.ls, .decom]]) { data in
            let ls = data[.episodes]![.ls], start = data[.episodes]!.days(.decom)
            let introduced = Days.number(year: 2005, month: 12, day: 1)
            return data.rows(.episodes) { ls[$0] == "E1" && Days.isDay(start[$0]) && start[$0] < introduced }
        },
        SSDA903Rule("217", [.episodes: [.place, .rne, .decom]]) { data in
            let place = data[.episodes]![.place], rne = data[.episodes]![.rne], start = data[.episodes]!.days(.decom)
            // A3 and A5 came in from 1 April 2015.
            let from = Days.number(year: 2015, month: 4, day: 1)
            return data.rows(.episodes) { ["A3", "A5"].contains(place[$0]) && start[$0] >= from && !["S", "T", "U"].contains(rne[$0]) }
        },
        // The reason is recorded on the episode that ends (rule 233), so the move into a temporary placement is the
        // episode before it: a temporary placement has a reason neither there nor on its own row.
        SSDA903Rule("226", [.episodes: [.place, .reasonPlaceChange]]) { data in
            let e = data.episodeColumns!
            let temporary = { SSDA903Codes.temporaryPlacements.contains(e.place[$0]) }
            let reasonOfItsOwn = data.rows(.episodes) { temporary($0) && !e.reasonPlaceChange[$0].isEmpty }
            let reasonBeforeIt = e.next.indices.compactMap { row in
                e.next[row].flatMap { next in temporary(next) && !e.reasonPlaceChange[row].isEmpty ? next : nil }
            }
            return reasonOfItsOwn + data.hits(.episodes, reasonBeforeIt)
        },
        SSDA903Rule("233", [.episodes: [.dec, .reasonPlaceChange]]) { data in
            let end = data[.episodes]![.dec], reason = data[.episodes]![.reasonPlaceChange]
            return data.rows(.episodes) { end[$0].isEmpty && !reason[$0].isEmpty }
        },
        SSDA903Rule("378", [.episodes: [.place, .ls]]) { data in
            let place = data[.episodes]![.place], ls = data[.episodes]![.ls]
            return data.rows(.episodes) { place[$0] == "P1" && ls[$0] == "V2" }
        },
        SSDA903Rule("382", [.episodes: [.place, .ls]]) { data in
            let place = data[.episodes]![.place], ls = data[.episodes]![.ls]
            return data.rows(.episodes) { (ls[$0] == "V3" || ls[$0] == "V4") && SSDA903Codes.temporaryPlacements.contains(place[$0]) }
        },
        SSDA903Rule("384", [.episodes: [.place, .ls]]) { data in
            let place = data[.episodes]![.place], ls = data[.episodes]![.ls]
            return data.rows(.episodes) { (ls[$0] == "V3" || ls[$0] == "V4") && (place[$0] == "U1" || place[$0] == "U4") }
        },
        SSDA903Rule("392d", [.episodes: [.place, .homePost, .plPost]]) { data in
            let place = data[.episodes]![.place], home = data[.episodes]![.homePost], placed = data[.episodes]![.plPost]
            return data.rows(.episodes) { !home[$0].isEmpty && home[$0] == placed[$0] && place[$0] != "P1" }
        },
        SSDA903Rule("213", [.episodes: [.place, .placeProvider]]) { data in
            let place = data[.episodes]![.place], provider = data[.episodes]![.placeProvider]
            return data.rows(.episodes) { (SSDA903Codes.temporaryPlacements.contains(place[$0]) || place[$0] == "Z1") && !provider[$0].isEmpty }
        },
        SSDA903Rule("526", [.episodes: [.place, .placeProvider]]) { data in
            let place = data[.episodes]![.place], provider = data[.episodes]![.placeProvider]
            return data.rows(.episodes) { !(SSDA903Codes.temporaryPlacements.contains(place[$0]) || place[$0] == "Z1") && provider[$0].isEmpty }
        },
        providerRule("527", "PR1", notWith: ["P1", "R2", "R5"]),
        providerRule("528", "PR2", notWith: ["P1", "R2", "R5"]),
        providerRule("529", "PR3", notWith: ["P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"]),
        providerRule("530", "PR4", notWith: ["P1"]),
        providerRule("531", "PR5", notWith: ["P1"]),
        SSDA903Rule("550", [.episodes: [.place, .placeProvider]]) { data in
            let place = data[.episodes]![.place], provider = data[.episodes]![.placeProvider]
            return data.rows(.episodes) { provider[$0] == "PR0" && place[$0] != "P1" }
        },
        // Where a short break (V3, V4) is, is not collected.
        SSDA903Rule("214", [.episodes: [.ls, .plPost, .urn]]) { data in
            let ls = data[.episodes]![.ls], postcode = data[.episodes]![.plPost], urn = data[.episodes]![.urn]
            return data.rows(.episodes) { (ls[$0] == "V3" || ls[$0] == "V4") && (!postcode[$0].isEmpty || !urn[$0].isEmpty) }
        },
        // Placements that Ofsted does not register have no URN; XXXXXXX is the code for one not known.
        SSDA903Rule("222", [.episodes: [.place, .urn]]) { data in
            let place = data[.episodes]![.place], urn = data[.episodes]![.urn]
            return data.rows(.episodes) { placementsWithoutURN.contains(place[$0]) && !urn[$0].isEmpty && urn[$0] != "XXXXXXX" }
        },
        // Short breaks (V3, V4) aside, every episode has the home or the placement postcode.
        SSDA903Rule("392b", [.episodes: [.ls, .homePost, .plPost]]) { data in
            let ls = data[.episodes]![.ls], home = data[.episodes]![.homePost], placed = data[.episodes]![.plPost]
            return data.rows(.episodes) { ls[$0] != "V3" && ls[$0] != "V4" && home[$0].isEmpty && placed[$0].isEmpty }
        },
        // Special guardianship (E45 to former foster carers, E46 to others) is recorded leaving a foster placement.
        SSDA903Rule("516", [.episodes: [.rec, .place]]) { data in
            let rec = data[.episodes]![.rec], place = data[.episodes]![.place]
            return data.rows(.episodes) { (rec[$0] == "E45" || rec[$0] == "E46") && !SSDA903Codes.fosterPlacements.contains(place[$0]) }
        },
        // Past 18, a young person may be looked after only under section 20(5) (V2) in a community home (K1, K2).
        SSDA903Rule("359", [.episodes: [.ls, .place, .dec], .header: [.dob]]) { data in
            let e = data.episodeColumns!, children = data[.episodes]![.child]
            return data.withBirthRows(
                data.rows(.episodes) { row in
                    let born = data.born(children[row]), last = e.ends[row] == Days.blank ? data.year.end : e.ends[row]
                    guard Days.isDay(born), Days.isDay(last), last >= data.year.start else { return false }
                    return last > Days.birthday(18, born: born) && !(e.ls[row] == "V2" && ["K1", "K2"].contains(e.place[row]))
                })
        },
    ]

    /// Placements with no Ofsted registration: with parents (P1), residential employment (P3), health and custody (R1,
    /// R2, R5), and temporary placements. Independent living (P2) and other placements (Z1) are left out: supported
    /// accommodation has registered with Ofsted since October 2023, and "other" may be anywhere.
    static let placementsWithoutURN: Set = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4"]

    /// Rules on how long an episode of a kind may last, in days from the day it began to the day it ended.
    static let episodeLengths: [SSDA903Rule] = [
        longest("361", .ls, "L1", days: 3), // police protection: 72 hours (Children Act 1989, s46)
        longest("362", .ls, "L2", days: 21), // emergency protection order, with its extension
        longest("363", .ls, "L3", days: 7), // child assessment order (s43)
        longest("364", .ls, "J2", days: 1), // PACE detention: 24 hours
        longest("365", .ls, "V3", days: 17), // a single short break
        longest("375", .place, "T1", days: 42), // hospital: six weeks
        longest("376", .place, "T3", days: 21), // while the usual foster carer is on holiday: three weeks
        longest("379", .place, "T4", days: 7), // temporary, other: seven days
    ]

    /// Rules on the child's age when a placement or status began or an episode ended.
    static let episodeAges: [SSDA903Rule] = [
        ageAtStart("352", .rne, ["S"]) { $0 >= 18 },
        ageAtStart("358", .ls, ["J1", "J2", "J3"]) { $0 < 10 },
        ageAtStart("372", .place, ["R5"]) { $0 < 10 },
        ageAtStart("373", .place, ["S1"]) { $0 < 4 },
        ageAtStart("374", .place, ["P3"]) { $0 < 14 },
        ageAtEnd("386", reasons: ["E11", "E12"]) { $0 >= 18 },
        ageAtEnd("387", reasons: ["E5", "E6"]) { $0 < 14 },
        ageAtEnd("389", reasons: ["E7"]) { $0 < 16 },
        ageAtEnd("407", reasons: ["E45", "E46"]) { $0 >= 18 },
        ageAtEnd("460", reasons: ["E17"]) { $0 < 18 },
        SSDA903Rule("234", [.episodes: [.reasonPlaceChange, .dec], .header: [.dob]]) { data in
            let reason = data[.episodes]![.reasonPlaceChange], end = data[.episodes]!.days(.dec), child = data[.episodes]![.child]
            return data.withBirthRows(data.rows(.episodes) { reason[$0] == "CUSTOD" && (data.age(child[$0], on: end[$0]).map { $0 < 10 } ?? false) })
        },
        SSDA903Rule("302", [.episodes: [.decom], .header: [.dob]]) { data in
            let start = data[.episodes]!.days(.decom)
            return data.withBirthRows(
                data.hits(
                    .episodes,
                    data.childrenWithEpisodes.compactMap { child in
                        guard let first = data.episodes[child]?.first else { return nil }
                        let dob = data.born(child)
                        return Days.isDay(dob) && Days.isDay(start[first]) && start[first] < dob ? first : nil
                    }))
        },
    ]

    static func endsAfterTheYear(_ data: SSDA903Data) -> [RowHit] {
        let end = data[.episodes]!.days(.dec), last = data.year.end
        return data.rows(.episodes) { Days.isDay(end[$0]) && end[$0] > last }
    }

    static func providerRule(_ code: String, _ provider: String, notWith placements: Set<String>) -> SSDA903Rule {
        SSDA903Rule(code, [.episodes: [.place, .placeProvider]]) { data in
            let place = data[.episodes]![.place], given = data[.episodes]![.placeProvider]
            return data.rows(.episodes) { given[$0] == provider && placements.contains(place[$0]) }
        }
    }

    /// Episodes with `code` in `column` that lasted more than `days` days.
    static func longest(_ rule: String, _ column: SSDA903Column, _ code: String, days: Int32) -> SSDA903Rule {
        SSDA903Rule(rule, [.episodes: [column, .decom, .dec]]) { data in
            let value = data[.episodes]![column], start = data[.episodes]!.days(.decom), end = data[.episodes]!.days(.dec)
            // An episode still open lasted at least until the end of the year.
            return data.rows(.episodes) { row in
                let last = end[row] == Days.blank ? data.year.end : end[row]
                return value[row] == code && Days.isDay(start[row]) && Days.isDay(last) && last - start[row] > days
            }
        }
    }

    /// Episodes with one of `codes` in `column` for a child whose age on the day the episode began breaks the rule.
    static func ageAtStart(_ rule: String, _ column: SSDA903Column, _ codes: Set<String>, breaks: @escaping @Sendable (Int) -> Bool) -> SSDA903Rule {
        SSDA903Rule(rule, [.episodes: [.decom, column], .header: [.dob]]) { data in
            let table = data[.episodes]!
            let start = table.days(.decom), value = table[column], child = table[.child]
            return data.withBirthRows(
                data.rows(.episodes) { row in
                    codes.contains(value[row]) && (data.age(child[row], on: start[row]).map(breaks) ?? false)
                })
        }
    }

    /// Episodes that ended for one of `reasons` when the child's age broke the rule.
    static func ageAtEnd(_ rule: String, reasons: Set<String>, breaks: @escaping @Sendable (Int) -> Bool) -> SSDA903Rule {
        SSDA903Rule(rule, [.episodes: [.dec, .rec], .header: [.dob]]) { data in
            let table = data[.episodes]!
            let end = table.days(.dec), rec = table[.rec], child = table[.child]
            return data.withBirthRows(
                data.rows(.episodes) { row in
                    reasons.contains(rec[row]) && (data.age(child[row], on: end[row]).map(breaks) ?? false)
                })
        }
    }
}
