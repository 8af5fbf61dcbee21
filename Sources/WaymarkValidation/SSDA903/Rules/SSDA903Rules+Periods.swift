import WaymarkDomain
import WaymarkReturns

/// Tables of periods with a start and an end day (missing from placement, social worker episodes, deprivation of
/// liberty orders), and previous permanence.
extension SSDA903Rules {
    static let missing: [SSDA903Rule] = [
        SSDA903Rule("1004", [.missing: [.missingStart]]) { $0.notADay(.missing, .missingStart) },
        SSDA903Rule("1005", [.missing: [.missingEnd]]) { $0.notADay(.missing, .missingEnd) },
        SSDA903Rule("1006", [.missing: [.missing]]) { $0.notIn(.missing, .missing, SSDA903Codes.missing) },
        SSDA903Rule("564", [.missing: [.missing, .missingStart]]) { data in
            let kind = data[.missing]![.missing], start = data[.missing]![.missingStart]
            return data.rows(.missing) { !kind[$0].isEmpty && start[$0].isEmpty }
        },
        SSDA903Rule("565", [.missing: [.missing, .missingStart]]) { data in
            let kind = data[.missing]![.missing], start = data[.missing]![.missingStart]
            return data.rows(.missing) { kind[$0].isEmpty && !start[$0].isEmpty }
        },
        SSDA903Rule("566", [.missing: [.missing, .missingEnd]]) { data in
            let kind = data[.missing]![.missing], end = data[.missing]![.missingEnd]
            return data.rows(.missing) { kind[$0].isEmpty && !end[$0].isEmpty }
        },
        endsBeforeItStarts("567", .missing, .missingStart, .missingEnd),
        startsAfterTheYear("570", .missing, .missingStart),
        endsOutsideTheYear("571", .missing, .missingEnd),
        overlapping("574", .missing, .missingStart, .missingEnd),
        beforeBirth("586", .missing, .missingStart),
        SSDA903Rule("577", [.missing: [.missingEnd], .episodes: [.dec]]) { data in
            let children = data[.missing]![.child], end = data[.missing]![.missingEnd]
            return data.rows(.missing) { end[$0].isEmpty && data.ceasedToBeLookedAfter(children[$0]) != nil }
        },
        SSDA903Rule("578", [.missing: [.missingStart], .episodes: [.dec]]) { data in
            let children = data[.missing]![.child], start = data[.missing]!.days(.missingStart)
            return data.rows(.missing) { row in
                guard let ceased = data.ceasedToBeLookedAfter(children[row]) else { return false }
                return Days.isDay(start[row]) && start[row] > ceased
            }
        },
        // Missing on the day care ended (gone before it and not back by it): the reason is E8, "any other reason".
        SSDA903Rule("580", [.missing: [.missingStart, .missingEnd], .episodes: [.dec, .rec]]) { data in
            let table = data[.missing]!, children = table[.child], start = table.days(.missingStart), end = table.days(.missingEnd)
            let e = data.episodeColumns!
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard let ceased = data.ceasedToBeLookedAfter(children[row]), let last = data.episodes[children[row]]?.last, e.rec[last] != "E8",
                    Days.isDay(start[row]), start[row] <= ceased, end[row] == Days.blank || end[row] > ceased
                else { return [] }
                return [RowHit(.missing, row), RowHit(.episodes, last)]
            }
        },
        // The placement the child went missing from is the episode open on the day they went; when it ends, so does the
        // time missing.
        SSDA903Rule("575", [.missing: [.missingStart, .missingEnd], .episodes: [.decom, .dec]]) { data in
            let table = data[.missing]!, children = table[.child], start = table.days(.missingStart), end = table[.missingEnd]
            let e = data.episodeColumns!
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard end[row].isEmpty, Days.isDay(start[row]),
                    let from = data.episodes[children[row]]?.last(where: { Days.isDay(e.starts[$0]) && e.starts[$0] <= start[row] }),
                    Days.isDay(e.ends[from]), e.ends[from] >= start[row]
                else { return [] }
                return [RowHit(.missing, row), RowHit(.episodes, from)]
            }
        },
        SSDA903Rule("581", [.missing: [.missingStart], .episodes: [.decom]]) { data in
            let children = data[.missing]![.child], start = data[.missing]!.days(.missingStart), starts = data[.episodes]!.days(.decom)
            return data.rows(.missing) { row in
                guard let first = data.episodes[children[row]]?.first else { return false }
                return Days.isDay(start[row]) && Days.isDay(starts[first]) && start[row] < starts[first]
            }
        },
    ]

    static let socialWorkers: [SSDA903Rule] = [
        // 2024/25's completeness rules: who and from when (a), and why the social worker changed (b).
        SSDA903Rule("SW01aSTG1", [.socialWorkerEpisodes: [.socialWorkerID, .socialWorkerStart]]) { data in
            let id = data[.socialWorkerEpisodes]![.socialWorkerID], start = data[.socialWorkerEpisodes]![.socialWorkerStart]
            return data.rows(.socialWorkerEpisodes) { id[$0].isEmpty || start[$0].isEmpty }
        },
        SSDA903Rule("SW01bSTG1", [.socialWorkerEpisodes: [.socialWorkerReason]]) { data in
            let reason = data[.socialWorkerEpisodes]![.socialWorkerReason]
            return data.rows(.socialWorkerEpisodes) { reason[$0].isEmpty }
        },
        SSDA903Rule("SW02STG1", [.socialWorkerEpisodes: [.socialWorkerID]]) { data in
            let id = data[.socialWorkerEpisodes]![.socialWorkerID]
            return data.rows(.socialWorkerEpisodes) { !id[$0].hasPrefix("SW") && !id[$0].hasPrefix("XX") }
        },
        SSDA903Rule("SW04STG1", [.socialWorkerEpisodes: [.socialWorkerStart]]) {
            $0.notADay(.socialWorkerEpisodes, .socialWorkerStart, required: true)
        },
        SSDA903Rule("SW05STG1", [.socialWorkerEpisodes: [.socialWorkerEnd]]) { $0.notADay(.socialWorkerEpisodes, .socialWorkerEnd) },
        SSDA903Rule("SW09STG2", [.socialWorkerEpisodes: [.socialWorkerStart, .socialWorkerEnd]]) { data in
            let start = data[.socialWorkerEpisodes]!.days(.socialWorkerStart), end = data[.socialWorkerEpisodes]!.days(.socialWorkerEnd)
            return data.rows(.socialWorkerEpisodes) { Days.isDay(start[$0]) && start[$0] == end[$0] }
        },
        endsBeforeItStarts("SW18STG2", .socialWorkerEpisodes, .socialWorkerStart, .socialWorkerEnd),
        SSDA903Rule("SW19STG2", [.socialWorkerEpisodes: [.socialWorkerStart]]) { data in
            let table = data[.socialWorkerEpisodes]!
            var count: [String: Int] = [:]
            let keys = zip(table[.child], table[.socialWorkerStart]).map { $0 + "\u{1}" + $1 }
            for key in keys { count[key, default: 0] += 1 }
            return data.rows(.socialWorkerEpisodes) { count[keys[$0], default: 0] > 1 }
        },
        SSDA903Rule("SW08STG2", [.socialWorkerEpisodes: [.socialWorkerEnd]]) { data in
            let table = data[.socialWorkerEpisodes]!, end = table[.socialWorkerEnd]
            return data.hits(.socialWorkerEpisodes, inOrder(table, .socialWorkerStart).flatMap { rows in rows.dropLast().filter { end[$0].isEmpty } })
        },
        overlapping("SW10STG2", .socialWorkerEpisodes, .socialWorkerStart, .socialWorkerEnd, openCounts: false),
        // The social worker data covers the collection year, 1 April to 31 March.
        SSDA903Rule("SW06STG2", [.socialWorkerEpisodes: [.socialWorkerStart, .socialWorkerEnd]]) { data in
            let table = data[.socialWorkerEpisodes]!, start = table.days(.socialWorkerStart), end = table.days(.socialWorkerEnd)
            return data.rows(.socialWorkerEpisodes) {
                (Days.isDay(start[$0]) && start[$0] > data.year.end) || (Days.isDay(end[$0]) && end[$0] < data.year.start)
            }
        },
        endsOutsideTheYear("SW07STG2", .socialWorkerEpisodes, .socialWorkerEnd),
        // A new social worker within a week either side of the last one's end.
        SSDA903Rule("SW10aSTG2", [.socialWorkerEpisodes: [.socialWorkerStart, .socialWorkerEnd]]) { data in
            let table = data[.socialWorkerEpisodes]!, start = table.days(.socialWorkerStart), end = table.days(.socialWorkerEnd)
            return data.hits(
                .socialWorkerEpisodes,
                inOrder(table, .socialWorkerStart).flatMap { rows in
                    rows.indices.dropFirst().compactMap { index -> Int? in
                        let before = rows[index - 1], row = rows[index]
                        return Days.isDay(end[before]) && Days.isDay(start[row]) && abs(start[row] - end[before]) > 7 ? row : nil
                    }
                })
        },
        // Children looked after on 31 March: a social worker for the whole year, and one still on 31 March.
        SSDA903Rule("SW11bSTG2", [.socialWorkerEpisodes: [.socialWorkerEnd], .episodes: [.decom, .dec]]) { data in
            let table = data[.socialWorkerEpisodes]!, children = table[.child], end = table.days(.socialWorkerEnd)
            return data.hits(
                .socialWorkerEpisodes,
                inOrder(table, .socialWorkerStart).compactMap { rows in
                    guard let last = rows.last, data.lookedAfterAtYearEnd(children[last]), Days.isDay(end[last]), end[last] < data.year.end else {
                        return nil
                    }
                    return last
                })
        },
        // The first social worker from 1 April; a child with none at all is pointed at by their last episode.
        SSDA903Rule("SW12STG2", [.socialWorkerEpisodes: [.socialWorkerStart], .episodes: [.decom, .dec]]) { data in
            let table = data[.socialWorkerEpisodes]!, children = table[.child], start = table.days(.socialWorkerStart)
            let withSocialWorkers = Set(children)
            let lateStarts = data.hits(
                .socialWorkerEpisodes,
                inOrder(table, .socialWorkerStart).compactMap { rows in
                    guard let first = rows.first, data.lookedAfterAtYearEnd(children[first]), Days.isDay(start[first]),
                        start[first] > data.year.start
                    else { return nil }
                    return first
                })
            return lateStarts
                + data.hits(
                    .episodes,
                    data.childrenWithEpisodes.compactMap { child in
                        !withSocialWorkers.contains(child) && data.lookedAfterAtYearEnd(child) ? data.episodes[child]!.last : nil
                    })
        },
        SSDA903Rule("SW17STG2", [.episodes: [.decom, .dec], .socialWorkerEpisodes: [.socialWorkerStart, .socialWorkerEnd]]) { data in
            let table = data[.socialWorkerEpisodes]!, start = table.days(.socialWorkerStart), end = table.days(.socialWorkerEnd)
            var open = Set<String>()
            for (row, child) in table[.child].enumerated()
            where start[row] <= data.year.end && Days.isDay(start[row])
                && (end[row] == Days.blank || end[row] >= data.year.end)
            { open.insert(child) }
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.compactMap { child in
                    data.lookedAfterAtYearEnd(child) && !open.contains(child) ? data.episodes[child]!.last : nil
                })
        },
    ]

    static let deprivationOfLiberty: [SSDA903Rule] = [
        SSDA903Rule("700", [.dolo: [.doloStart]]) { $0.notADay(.dolo, .doloStart, required: true) },
        SSDA903Rule("701", [.dolo: [.doloEnd]]) { $0.notADay(.dolo, .doloEnd) },
        endsBeforeItStarts("702", .dolo, .doloStart, .doloEnd),
        startsAfterTheYear("703", .dolo, .doloStart),
        endsOutsideTheYear("704", .dolo, .doloEnd),
        overlapping("705", .dolo, .doloStart, .doloEnd),
        beforeBirth("708", .dolo, .doloStart),
        // Not in a secure children's home (K1), with parents (P1) or in a young offender institution (R5) while the order lasts.
        SSDA903Rule("710", [.dolo: [.doloStart, .doloEnd], .episodes: [.place, .decom, .dec]]) { data in
            let table = data[.dolo]!, children = table[.child], start = table.days(.doloStart), end = table.days(.doloEnd)
            let e = data.episodeColumns!
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard Days.isDay(start[row]) else { return [] }
                let until = Days.isDay(end[row]) ? end[row] : data.year.end
                let placed = (data.episodes[children[row]] ?? []).filter { episode in
                    ["K1", "P1", "R5"].contains(e.place[episode]) && Days.isDay(e.starts[episode]) && e.starts[episode] <= until
                        && (e.ends[episode] == Days.blank || e.ends[episode] > start[row])
                }
                return placed.isEmpty ? [] : [RowHit(.dolo, row)] + data.hits(.episodes, placed)
            }
        },
        SSDA903Rule("707", [.dolo: [.doloEnd], .episodes: [.dec]]) { data in
            let children = data[.dolo]![.child], end = data[.dolo]![.doloEnd]
            return data.rows(.dolo) { end[$0].isEmpty && data.ceasedToBeLookedAfter(children[$0]) != nil }
        },
    ]

    static let permanence: [SSDA903Rule] = [
        SSDA903Rule("631", [.previousPermanence: [.previousPermanence]]) {
            $0.notIn(.previousPermanence, .previousPermanence, SSDA903Codes.previousPermanence)
        },
        SSDA903Rule("632", [.previousPermanence: [.datePermanence]]) { data in
            // The day and month may be written zz where they are not known (DfE guidance on DATE_PERM).
            let written = data[.previousPermanence]![.datePermanence]
            return data.rows(.previousPermanence) { row in
                let value = written[row]
                guard !value.isEmpty else { return false }
                return !Days.isDay(Days.ddmmyyyy(value.replacingOccurrences(of: "zz", with: "01").replacingOccurrences(of: "ZZ", with: "01")))
            }
        },
        SSDA903Rule("635", [.previousPermanence: [.previousPermanence, .previousPermanenceLA, .datePermanence]]) { data in
            let table = data[.previousPermanence]!
            let code = table[.previousPermanence], la = table[.previousPermanenceLA], day = table[.datePermanence]
            return data.rows(.previousPermanence) { code[$0] == "Z1" && (!la[$0].isEmpty || !day[$0].isEmpty) }
        },
    ]

    static func endsBeforeItStarts(_ code: String, _ table: SSDA903Table, _ start: SSDA903Column, _ end: SSDA903Column) -> SSDA903Rule {
        SSDA903Rule(code, [table: [start, end]]) { data in
            let starts = data[table]!.days(start), ends = data[table]!.days(end)
            return data.rows(table) { Days.isDay(starts[$0]) && Days.isDay(ends[$0]) && ends[$0] < starts[$0] }
        }
    }

    static func startsAfterTheYear(_ code: String, _ table: SSDA903Table, _ start: SSDA903Column) -> SSDA903Rule {
        SSDA903Rule(code, [table: [start]]) { data in
            let starts = data[table]!.days(start)
            return data.rows(table) { Days.isDay(starts[$0]) && starts[$0] > data.year.end }
        }
    }

    static func endsOutsideTheYear(_ code: String, _ table: SSDA903Table, _ end: SSDA903Column) -> SSDA903Rule {
        SSDA903Rule(code, [table: [end]]) { data in
            let ends = data[table]!.days(end)
            return data.rows(table) { Days.isDay(ends[$0]) && (ends[$0] < data.year.start || ends[$0] > data.year.end) }
        }
    }

    static func beforeBirth(_ code: String, _ table: SSDA903Table, _ start: SSDA903Column) -> SSDA903Rule {
        SSDA903Rule(code, [table: [.dob, start]]) { data in
            let born = data[table]!.days(.dob), starts = data[table]!.days(start)
            return data.rows(table) { Days.isDay(born[$0]) && Days.isDay(starts[$0]) && starts[$0] < born[$0] }
        }
    }

    /// A child's periods in a table that begin while the one before is still open (or, with `openCounts` false, only
    /// before the day it ended): both rows are reported.
    static func overlapping(
        _ code: String, _ table: SSDA903Table, _ start: SSDA903Column, _ end: SSDA903Column,
        openCounts: Bool = true
    ) -> SSDA903Rule {
        SSDA903Rule(code, [table: [start, end]]) { data in
            let values = data[table]!, starts = values.days(start), ends = values.days(end)
            var found: [Int] = []
            for rows in inOrder(values, start) {
                for index in rows.indices.dropFirst() {
                    let before = rows[index - 1], row = rows[index]
                    let open = ends[before] == Days.blank
                    if (open && openCounts) || (Days.isDay(ends[before]) && starts[row] < ends[before]) { found += [before, row] }
                }
            }
            return data.hits(table, found)
        }
    }

    /// Each child's rows of a table, in the order of a date column.
    static func inOrder(_ table: ValidationTable, _ column: SSDA903Column) -> [[Int]] {
        let days = table.days(column)
        return table.rowsByChild.values.map { $0.sorted { (days[$0], $0) < (days[$1], $1) } }
    }
}

extension SSDA903Data {
    /// The day the child's last period of care ended, where it has ended (their last episode has an end day and
    /// a reason other than X1, a new episode).
    func ceasedToBeLookedAfter(_ child: String) -> Int32? {
        guard let last = episodes[child]?.last, let e = episodeColumns else { return nil }
        return Days.isDay(e.ends[last]) && e.rec[last] != "X1" ? e.ends[last] : nil
    }
}
