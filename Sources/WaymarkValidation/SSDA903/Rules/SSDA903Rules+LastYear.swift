import WaymarkDomain
import WaymarkReturns

/// The rules that compare with last year's return: the child's details do not change from one year to the next, and
/// what was open at the end of last year (an episode, a missing period, a deprivation of liberty order, a decision to
/// place for adoption) carries on at the start of this one. They run only when last year's return is given.
extension SSDA903Rules {
    static let lastYear: [SSDA903Rule] =
        [
            // Sex was coded 1 and 2 up to 2023/24 and M, F and U after: the same child is M then 1, F then 2. U (not known)
            // is not a conflict with what was recorded before.
            changedSinceLastYear("202", .sex, read: { $0[.sex].map { $0 == "1" ? "M" : $0 == "2" ? "F" : $0 } }) { now, then in
                now != then && [now, then].allSatisfy { $0 == "M" || $0 == "F" }
            },
            changedSinceLastYear("203", .dob, read: { $0.days(.dob) }, differs: differentDays),
            changedSinceLastYear("204", .ethnic, read: { $0[.ethnic] }) { now, then in !now.isEmpty && !then.isEmpty && now != then },
            // Once a mother, always: recorded as a mother (1) last year, not one (0) this year.
            changedSinceLastYear("207", .mother, read: { $0[.mother] }) { now, then in then == "1" && now == "0" },
            // A UPN, once known, stays the child's; an unknown code (UN1 to UN5) last year may become the UPN this year.
            changedSinceLastYear("208", .upn, read: { $0[.upn] }) { now, then in
                !then.isEmpty && !SSDA903Codes.unknownUPN.contains(then) && !now.isEmpty && now != then
            },
            changedSinceLastYear("624", .motherChildDOB, read: { $0.days(.motherChildDOB) }, differs: differentDays),
            // A first child born before this year was born by the end of last year, when she was recorded as not a mother.
            SSDA903Rule("626", [.header: [.mother, .motherChildDOB]], lastYear: [.header]) { data in
                let last = data.lastYear!, header = data[.header]!, children = header[.child], mother = header[.mother]
                let born = header.days(.motherChildDOB), then = last[.header]![.mother]
                return data.rows(.header) { row in
                    mother[row] == "1" && Days.isDay(born[row]) && born[row] < data.year.start
                        && last.headerRow[children[row]].map { then[$0] == "0" } == true
                }
            },
            // Reported as having died last year, and as something else this year.
            SSDA903Rule("348", [.oc3: [.inTouch]], lastYear: [.oc3]) { data in
                let then = data.lastYear![.oc3]!
                let died = Set(zip(then[.child], then[.inTouch]).filter { $0.1 == "DIED" }.map(\.0))
                let children = data[.oc3]![.child], inTouch = data[.oc3]![.inTouch]
                return data.rows(.oc3) { died.contains(children[$0]) && inTouch[$0] != "DIED" }
            },
        ] + carriedOverEpisodes + adoptionDecisions + openAtTheEnd + relevantCareLeavers + asylumSeekersLastYear

    /// The episode open at the end of last year is the one this year's first episode continues: the same start date
    /// (502) and the same details (503A to 503F; 503G, H and J compare the distance and local authority the portal
    /// works out from postcodes).
    private static let carriedOverEpisodes: [SSDA903Rule] = [
        SSDA903Rule("502", [.episodes: [.decom]], lastYear: [.episodes]) { data in
            let starts = data.episodeColumns!.starts, then = data.lastYear!.episodeColumns!.starts
            return firstEpisodesAfterAnOpenOne(data) { first, open in Days.isDay(starts[first]) && starts[first] != then[open] }
        },
        sameAsTheOpenEpisode("503A", .rne), sameAsTheOpenEpisode("503B", .ls), sameAsTheOpenEpisode("503C", .cin),
        sameAsTheOpenEpisode("503D", .place), sameAsTheOpenEpisode("503E", .placeProvider), sameAsTheOpenEpisode("503F", .urn),
        // An episode begun before this year continues one open at the end of last year's return, begun the same day
        // (562); a child looked after since before this year has episodes there at all (NoE). Each names the child's
        // first episode this year, the one begun before it.
        SSDA903Rule("562", [.episodes: [.decom]], lastYear: [.episodes]) { data in
            let last = data.lastYear!, e = data.episodeColumns!, then = last.episodeColumns!
            return firstEpisodesBegunBefore(data) { child, first in last.openEpisode(child).map { then.starts[$0] } != e.starts[first] }
        },
        SSDA903Rule("NoE", [.episodes: [.decom]], lastYear: [.episodes]) { data in
            let last = data.lastYear!
            return firstEpisodesBegunBefore(data) { child, _ in last.episodes[child] == nil }
        },
    ]

    /// A decision to place for adoption made before this year is in last year's return (559); the one open at the end
    /// of it is the first this year (560); one that had ceased is not this year's (561); and where the last had
    /// ceased, a decision from before this year that last year's return does not have is not this year's either (584:
    /// one made this year is a new decision).
    private static let adoptionDecisions: [SSDA903Rule] = [
        SSDA903Rule("559", [.placedForAdoption: [.datePlaced]], lastYear: [.placedForAdoption]) { data in
            let last = data.lastYear!
            return decisionsAgainstLastYear(data) { decision, _ in decision.day < data.year.start && last.decisions[decision.child] == nil }
        },
        SSDA903Rule("560", [.placedForAdoption: [.datePlaced, .datePlacedCeased, .reasonPlacedCeased]], lastYear: [.placedForAdoption]) { data in
            let last = data.lastYear!
            return data.decisions.keys.sorted().compactMap { child in
                guard let latest = last.decisions[child]?.last, !latest.ceased,
                    let first = data.decisions[child]?.first, first.day != latest.day
                else { return nil }
                return RowHit(.placedForAdoption, first.row)
            }
        },
        SSDA903Rule("561", [.placedForAdoption: [.datePlaced]], lastYear: [.placedForAdoption]) { data in
            decisionsAgainstLastYear(data) { decision, then in then.contains { $0.day == decision.day && $0.ceased } }
        },
        SSDA903Rule("584", [.placedForAdoption: [.datePlaced]], lastYear: [.placedForAdoption]) { data in
            decisionsAgainstLastYear(data) { decision, then in
                decision.day < data.year.start && then.last?.ceased == true && !then.contains { $0.day == decision.day }
            }
        },
    ]

    /// A missing period (576) or deprivation of liberty order (706) open at the end of last year is recorded again at
    /// the start of this one, with the same start date. The child's first this year is named, or where there is none
    /// their header row.
    private static let openAtTheEnd: [SSDA903Rule] = [
        stillOpen("576", .missing, start: .missingStart, end: .missingEnd),
        stillOpen("706", .dolo, start: .doloStart, end: .doloEnd),
    ]

    /// Care leaver information (OC3) is for relevant and former relevant young people: looked after for at least
    /// 13 weeks in all from their 14th birthday, and after their 16th (Children (Leaving Care) Act 2000; Care Leavers
    /// (England) Regulations 2010, reg 3), short breaks (V3, V4) aside. The two returns show only the last two years.
    private static let relevantCareLeavers: [SSDA903Rule] = [
        SSDA903Rule("1010", [.oc3: [.child], .episodes: [.decom, .dec]], lastYear: [.episodes]) { data in
            let last = data.lastYear!, children = data[.oc3]![.child]
            return data.rows(.oc3) { row in data.episodes[children[row]] == nil && last.openEpisode(children[row]) != nil }
        },
        SSDA903Rule("1001", [.oc3: [.dob], .episodes: [.decom, .dec, .ls]], lastYear: [.episodes]) { data in
            let last = data.lastYear!, children = data[.oc3]![.child], born = data[.oc3]!.days(.dob)
            return data.rows(.oc3) { row in
                // Those with no episodes in either return are 1002's.
                guard data.episodes[children[row]] != nil || last.episodes[children[row]] != nil, Days.isDay(born[row]) else { return false }
                let periods = careAfterShortBreaks(data, children[row])
                let fourteen = Days.birthday(14, born: born[row]), sixteen = Days.birthday(16, born: born[row])
                let daysFrom14 = periods.reduce(0) { $0 + max(0, Int($1.upperBound) - Int(max($1.lowerBound, fourteen))) }
                return daysFrom14 < 91 || !periods.contains { $0.upperBound > sixteen }
            }
        },
        SSDA903Rule("1002", [.oc3: [.child], .episodes: [.decom]], lastYear: [.episodes]) { data in
            let last = data.lastYear!, children = data[.oc3]![.child]
            return data.rows(.oc3) { data.episodes[children[$0]] == nil && last.episodes[children[$0]] == nil }
        },
    ]

    /// For 205A, B and D a child is unaccompanied and seeking asylum in a year when that year's UASC table has a row for
    /// them, which both forms have (205C reads the XML form's UASC status instead). The date their status ceased (DUC)
    /// says whether they still were at the start of this year: not before it for a child still UASC (205B); by it for
    /// one no longer UASC (205A).
    private static let asylumSeekersLastYear: [SSDA903Rule] = [
        SSDA903Rule("205A", [.header: [.child], .uasc: [.duc]], needs: [.header], lastYear: [.uasc]) { data in
            let ceased = lastYearsDatesUASCCeased(data), asylumSeekers = Set(data[.uasc]?[.child] ?? []), children = data[.header]![.child]
            return data.rows(.header) { row in
                guard !asylumSeekers.contains(children[row]), let duc = ceased[children[row]] else { return false }
                return !Days.isDay(duc) || duc > data.year.start
            }
        },
        SSDA903Rule("205B", [.header: [.child], .uasc: [.duc]], lastYear: [.uasc]) { data in
            let ceased = lastYearsDatesUASCCeased(data), children = data[.uasc]![.child], duc = data[.uasc]!.days(.duc)
            return data.rows(.uasc) { row in
                guard let before = ceased[children[row]] else { return false }
                return [duc[row], before].contains { Days.isDay($0) && $0 < data.year.start }
            }.flatMap { [$0] + data.hits(.header, data.headerRow[children[$0.row]].map { [$0] } ?? []) }
        },
        // This year, by the header's UASC status (the XML form's); last year, by that status where last year's return
        // has it, or else by a row in its UASC table.
        SSDA903Rule("205C", [.header: [.uascStatus], .uasc: [.duc]], needs: [.header], lastYear: [.header]) { data in
            let last = data.lastYear!, lastHeader = last[.header]!, status = data[.header]![.uascStatus]
            let wasAsylumSeeker =
                lastHeader.has(.uascStatus)
                ? Set(zip(lastHeader[.child], lastHeader[.uascStatus]).filter { $0.1 == "1" }.map(\.0))
                : Set(last[.uasc]?[.child] ?? [])
            return data.statusCeasedWhere { child in
                data.headerRow[child].map { status[$0] } != "1" && !wasAsylumSeeker.contains(child)
            }
        },
        // The child's header row is named, as the XML form records a child's UASC status there.
        SSDA903Rule("205D", [.header: [.child], .uasc: [.child]], lastYear: [.header, .uasc]) { data in
            let last = data.lastYear!, wasAsylumSeeker = Set(last[.uasc]![.child])
            let asylumSeekers = Set(data[.uasc]![.child]), children = data[.header]![.child]
            return data.rows(.header) { row in
                asylumSeekers.contains(children[row]) && last.headerRow[children[row]] != nil && !wasAsylumSeeker.contains(children[row])
            }
        },
    ]

    /// Each child UASC last year, with the date their status ceased (DUC) as last year's return gave it.
    private static func lastYearsDatesUASCCeased(_ data: SSDA903Data) -> [String: Int32] {
        let then = data.lastYear![.uasc]!
        return Dictionary(zip(then[.child], then.days(.duc)), uniquingKeysWith: { first, _ in first })
    }

    private static let differentDays: @Sendable (Int32, Int32) -> Bool = { Days.isDay($0) && Days.isDay($1) && $0 != $1 }

    /// This year's header rows of children whose value in `column` differs, as `differs` says, from last year's.
    private static func changedSinceLastYear<Value: Sendable>(
        _ code: String, _ column: SSDA903Column, read: @escaping @Sendable (ValidationTable) -> [Value],
        differs: @escaping @Sendable (_ now: Value, _ then: Value) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, [.header: [column]], lastYear: [.header]) { data in
            let last = data.lastYear!, children = data[.header]![.child], now = read(data[.header]!), then = read(last[.header]!)
            return data.rows(.header) { row in last.headerRow[children[row]].map { differs(now[row], then[$0]) } ?? false }
        }
    }

    /// Each child's first episode this year, where last year's return ended with an episode open, when `breaks` says
    /// so of it and that open episode (a row of last year's episodes).
    private static func firstEpisodesAfterAnOpenOne(_ data: SSDA903Data, breaks: (_ first: Int, _ open: Int) -> Bool) -> [RowHit] {
        let last = data.lastYear!
        return data.childrenWithEpisodes.compactMap { child in
            let first = data.episodes[child]![0]
            guard let open = last.openEpisode(child), breaks(first, open) else { return nil }
            return RowHit(.episodes, first)
        }
    }

    private static func sameAsTheOpenEpisode(_ code: String, _ column: SSDA903Column) -> SSDA903Rule {
        SSDA903Rule(code, [.episodes: [.decom, column]], lastYear: [.episodes]) { data in
            let now = data[.episodes]![column], before = data.lastYear![.episodes]![column]
            return firstEpisodesAfterAnOpenOne(data) { first, open in now[first] != before[open] }
        }
    }

    /// This year's dated decisions to place for adoption for which `breaks` holds, given the child's decisions in last
    /// year's return (earliest first).
    private static func decisionsAgainstLastYear(
        _ data: SSDA903Data, breaks: (_ decision: (child: String, day: Int32), _ lastYear: [(row: Int, day: Int32, ceased: Bool)]) -> Bool
    ) -> [RowHit] {
        let last = data.lastYear!
        return data.decisions.keys.sorted().flatMap { child in
            let then = last.decisions[child] ?? []
            return data.decisions[child]!.filter { breaks((child, $0.day), then) }.map { RowHit(.placedForAdoption, $0.row) }
        }
    }

    /// Each child's first episode this year, where it began before this year, when `breaks` holds for the child and it.
    private static func firstEpisodesBegunBefore(_ data: SSDA903Data, breaks: (_ child: String, _ first: Int) -> Bool) -> [RowHit] {
        let e = data.episodeColumns!
        return data.childrenWithEpisodes.compactMap { child in
            let first = data.episodes[child]![0]
            guard Days.isDay(e.starts[first]), e.starts[first] < data.year.start, breaks(child, first) else { return nil }
            return RowHit(.episodes, first)
        }
    }

    private static func stillOpen(_ code: String, _ table: SSDA903Table, start: SSDA903Column, end: SSDA903Column) -> SSDA903Rule {
        SSDA903Rule(code, [.header: [.child], table: [start, end]], needs: [.header], lastYear: [table]) { data in
            let then = data.lastYear![table]!, openStarts = then.days(start), ends = then[end]
            var open: [String: Set<Int32>] = [:]
            for (row, child) in then[.child].enumerated() where ends[row].isEmpty && Days.isDay(openStarts[row]) {
                open[child, default: []].insert(openStarts[row])
            }
            let starts = data[table]?.days(start) ?? [], recorded = data.rowsByChild(table)
            return open.keys.sorted().compactMap { child in
                let rows = recorded[child] ?? []
                guard !open[child]!.isSubset(of: Set(rows.map { starts[$0] })) else { return nil }
                if let first = rows.min(by: { (starts[$0], $0) < (starts[$1], $1) }) { return RowHit(table, first) }
                return data.headerRow[child].map { RowHit(.header, $0) }
            }
        }
    }

    /// The days a young person was looked after in the two returns, other than on short breaks, as ranges of day
    /// numbers (an open episode to the end of its year), merged where the two returns repeat an episode.
    private static func careAfterShortBreaks(_ data: SSDA903Data, _ child: String) -> [Range<Int32>] {
        let spans = [data, data.lastYear!].flatMap { yearsReturn -> [Range<Int32>] in
            guard let e = yearsReturn.episodeColumns else { return [] }
            return (yearsReturn.episodes[child] ?? []).compactMap { row in
                let end = e.ends[row] == Days.blank ? yearsReturn.year.end + 1 : e.ends[row]
                guard Days.isDay(e.starts[row]), Days.isDay(end), end > e.starts[row], e.ls[row] != "V3", e.ls[row] != "V4" else { return nil }
                return e.starts[row]..<end
            }
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int32>] = []
        for span in spans {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }
}

extension SSDA903Data {
    /// The child's episode with no end date (the latest to begin, where a return wrongly has more than one): open at
    /// the end of the year.
    func openEpisode(_ child: String) -> Int? {
        guard let e = episodeColumns else { return nil }
        return episodes[child]?.last { e.ends[$0] == Days.blank }
    }
}
