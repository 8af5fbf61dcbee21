import WaymarkDomain
import WaymarkReturns

/// The adoption journey across the tables, in the order it happens: the decision that the child should be placed for
/// adoption (the placed for adoption table), the placement order (legal status E1), the match with adopters and the
/// placement with them (placements A3 to A6), and the adoption itself (an episode ending E11 or E12, with AD1).
extension SSDA903Rules {
    static let adoptionJourney: [SSDA903Rule] = [
        SSDA903Rule("551", [.episodes: [.place], .placedForAdoption: [.datePlaced]]) { data in
            let e = data.episodeColumns!, decisions = data.decisions
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child in
                    decisions[child] == nil ? data.episodes[child]!.filter { SSDA903Codes.adoptionPlacements.contains(e.place[$0]) } : []
                })
        },
        SSDA903Rule("553", [.episodes: [.ls], .placedForAdoption: [.datePlaced]]) { data in
            let e = data.episodeColumns!, decisions = data.decisions
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child in
                    decisions[child] == nil ? data.episodes[child]!.filter { e.ls[$0] == "E1" } : []
                })
        },
        // The decision comes before the court is asked for a placement order, so before the order is granted.
        SSDA903Rule("554", [.episodes: [.ls, .decom], .placedForAdoption: [.datePlaced]]) { data in
            let e = data.episodeColumns!, decisions = data.decisions
            return data.childrenWithEpisodes.flatMap { child -> [RowHit] in
                guard let first = decisions[child]?.first, let order = data.episodes[child]!.first(where: { e.ls[$0] == "E1" }),
                    Days.isDay(e.starts[order]), first.day > e.starts[order]
                else { return [] }
                return [RowHit(.placedForAdoption, first.row), RowHit(.episodes, order)]
            }
        },
        SSDA903Rule("552", [.episodes: [.place, .decom], .placedForAdoption: [.datePlaced]]) { data in
            let e = data.episodeColumns!, decisions = data.decisions
            return data.childrenWithEpisodes.flatMap { child -> [RowHit] in
                guard let first = decisions[child]?.first, let placed = data.placedWithAdopters(child), Days.isDay(e.starts[placed]),
                    first.day > e.starts[placed]
                else { return [] }
                return [RowHit(.placedForAdoption, first.row), RowHit(.episodes, placed)]
            }
        },
        SSDA903Rule("334", [.episodes: [.rne, .decom], .placedForAdoption: [.datePlaced]]) { data in
            let e = data.episodeColumns!, decisions = data.decisions
            return data.childrenWithEpisodes.flatMap { child -> [RowHit] in
                guard let latest = decisions[child]?.last, let started = data.startedToBeLookedAfter(child), Days.isDay(e.starts[started]),
                    latest.day < e.starts[started]
                else { return [] }
                return [RowHit(.placedForAdoption, latest.row), RowHit(.episodes, started)]
            }
        },
        SSDA903Rule("117", [.placedForAdoption: [.datePlaced, .datePlacedCeased], .episodes: [.dec]]) { data in
            let table = data[.placedForAdoption]!, children = table[.child]
            let placed = table.days(.datePlaced), ceased = table.days(.datePlacedCeased)
            return data.rows(.placedForAdoption) { row in
                let latest = data.ceasedToBeLookedAfter(children[row]).map { min($0, data.year.end) } ?? data.year.end
                return [placed[row], ceased[row]].contains { Days.isDay($0) && $0 > latest }
            }
        },
        SSDA903Rule("118", [.placedForAdoption: [.datePlacedCeased], .episodes: [.rne, .decom]]) { data in
            let table = data[.placedForAdoption]!, children = table[.child], ceased = table.days(.datePlacedCeased), e = data.episodeColumns!
            return data.rows(.placedForAdoption) { row in
                guard Days.isDay(ceased[row]) else { return false }
                let started = data.startedToBeLookedAfter(children[row]).map { e.starts[$0] } ?? Days.blank
                return ceased[row] < data.year.start || (Days.isDay(started) && ceased[row] < started)
            }
        },
        // The decision under which a child is adopted is their latest; it is not reversed. Adopted in the year: an
        // episode ending in adoption, or the adoption's details (AD1).
        SSDA903Rule(
            "525", [.placedForAdoption: [.datePlacedCeased], .episodes: [.rec, .dec], .ad1: [.child]], needs: [.placedForAdoption, .episodes]
        ) { data in
            let ceased = data[.placedForAdoption]!.days(.datePlacedCeased), adoptions = data.rowsByChild(.ad1)
            return data.decisions.flatMap { child, decisions -> [RowHit] in
                guard let latest = decisions.last, Days.isDay(ceased[latest.row]) else { return [] }
                let adopted = data.hits(.episodes, data.adoptedInTheYear(child).map { [$0] } ?? []) + data.hits(.ad1, adoptions[child] ?? [])
                return adopted.isEmpty ? [] : [RowHit(.placedForAdoption, latest.row)] + adopted
            }
        },
        SSDA903Rule("558", [.placedForAdoption: [.datePlacedCeased, .reasonPlacedCeased], .episodes: [.rec]]) { data in
            let e = data.episodeColumns!, decisions = data.decisions
            return data.childrenWithEpisodes.flatMap { child -> [RowHit] in
                guard let latest = decisions[child]?.last, latest.ceased,
                    let adopted = data.episodes[child]!.last(where: { SSDA903Codes.adopted.contains(e.rec[$0]) })
                else { return [] }
                return [RowHit(.placedForAdoption, latest.row), RowHit(.episodes, adopted)]
            }
        },
        // A child placed for adoption (A3 to A6) had a decision that they should be, whether or not the return has it.
        SSDA903Rule("557", [.placedForAdoption: [.datePlacedCeased, .reasonPlacedCeased], .episodes: [.place, .dec, .rec]]) { data in
            let table = data[.placedForAdoption]!, ceased = table[.datePlacedCeased], reason = table[.reasonPlacedCeased]
            let e = data.episodeColumns!, decisions = data.decisions
            return data.childrenWithEpisodes.flatMap { child -> [RowHit] in
                let rows = data.episodes[child]!, last = rows.last!
                guard data.ceasedToBeLookedAfter(child) != nil, !SSDA903Codes.adopted.contains(e.rec[last]) else { return [] }
                let latest = decisions[child]?.last?.row
                if let latest {
                    guard ceased[latest].isEmpty || reason[latest].isEmpty else { return [] }
                    return [RowHit(.placedForAdoption, latest), RowHit(.episodes, last)]
                }
                return rows.contains { SSDA903Codes.adoptionPlacements.contains(e.place[$0]) } ? data.hits(.episodes, [last]) : []
            }
        },
        SSDA903Rule("408", [.episodes: [.place, .ls]]) { data in
            let place = data[.episodes]![.place], ls = data[.episodes]![.ls]
            return data.rows(.episodes) { ["A5", "A6"].contains(place[$0]) && ls[$0] != "E1" }
        },
        // A child placed for adoption with their current foster carers (A3, A5) comes to that placement from foster care.
        SSDA903Rule("336", [.episodes: [.place, .rne, .decom, .dec]]) { data in
            let e = data.episodeColumns!
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child in
                    let rows = data.episodes[child]!
                    return rows.indices.compactMap { index -> Int? in
                        let row = rows[index]
                        guard SSDA903Codes.withCurrentFosterCarers.contains(e.place[row]) else { return nil }
                        guard index > 0, e.ends[rows[index - 1]] == e.starts[row] else { return e.rne[row] == "S" ? row : nil }
                        let before = e.place[rows[index - 1]]
                        return SSDA903Codes.fosterPlacements.contains(before) || SSDA903Codes.adoptionPlacements.contains(before) ? nil : row
                    }
                })
        },
        // Adopted from the placement for adoption: the episode that ends in adoption is one (A3 to A6).
        SSDA903Rule("390", [.episodes: [.rec, .place]]) { data in
            let rec = data[.episodes]![.rec], place = data[.episodes]![.place]
            return data.rows(.episodes) { SSDA903Codes.adopted.contains(rec[$0]) && !SSDA903Codes.adoptionPlacements.contains(place[$0]) }
        },
        SSDA903Rule("601", [.episodes: [.rec, .dec], .ad1: adoptionItems]) { data in
            let items = adoptionItems.map { data[.ad1]![$0] },
                withDetails = data.rowsByChild(.ad1).filter { _, rows in
                    rows.contains { row in items.contains { !$0[row].isEmpty } }
                }
            return data.hits(.episodes, data.childrenWithEpisodes.compactMap { withDetails[$0] == nil ? data.adoptedInTheYear($0) : nil })
        },
        SSDA903Rule("602", [.ad1: adoptionItems, .episodes: [.rec, .dec]]) { data in
            let children = data[.ad1]![.child], items = adoptionItems.map { data[.ad1]![$0] }
            return data.rows(.ad1) { row in items.contains { !$0[row].isEmpty } && data.adoptedInTheYear(children[row]) == nil }
        },
        againstTheAdopters("331", .dateMatch) { match, placed in match > placed },
        againstTheAdopters("521", .dateInterest) { decided, placed in decided > placed },
        SSDA903Rule("523", [.ad1: [.dateInterest], .placedForAdoption: [.datePlaced]]) { data in
            let children = data[.ad1]![.child], interest = data[.ad1]!.days(.dateInterest), decisions = data.decisions
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard let latest = decisions[children[row]]?.last, Days.isDay(interest[row]), interest[row] != latest.day else { return [] }
                return [RowHit(.ad1, row), RowHit(.placedForAdoption, latest.row)]
            }
        },
        // A2 was the old code for placed with current foster carers, A1 for placed with others.
        SSDA903Rule("335", [.ad1: [.fosterCare], .episodes: [.place, .rec]]) { data in
            let children = data[.ad1]![.child], foster = data[.ad1]![.fosterCare], e = data.episodeColumns!
            return (0..<children.count).flatMap { row -> [RowHit] in
                let rows = data.episodes[children[row]] ?? []
                guard let last = rows.last(where: { SSDA903Codes.adopted.contains(e.rec[$0]) }) ?? rows.last else { return [] }
                let withFosterCarers = ["A2", "A3", "A5"].contains(e.place[last]), withOthers = ["A1", "A4", "A6"].contains(e.place[last])
                guard (foster[row] == "0" && withFosterCarers) || (foster[row] == "1" && withOthers) else { return [] }
                return [RowHit(.ad1, row), RowHit(.episodes, last)]
            }
        },
        SSDA903Rule("582", [.ad1: [.dateMatch], .episodes: [.rec, .dec]]) { data in
            let children = data[.ad1]![.child], match = data[.ad1]!.days(.dateMatch), e = data.episodeColumns!
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard Days.isDay(match[row]),
                    let adopted = data.episodes[children[row]]?.last(where: { SSDA903Codes.adopted.contains(e.rec[$0]) }),
                    e.ends[adopted] == match[row]
                else { return [] }
                return [RowHit(.ad1, row), RowHit(.episodes, adopted)]
            }
        },
    ]

    /// A date in AD1 that must not be after the day the child was placed with the adopters.
    static func againstTheAdopters(_ code: String, _ column: SSDA903Column, breaks: @escaping @Sendable (Int32, Int32) -> Bool) -> SSDA903Rule {
        SSDA903Rule(code, [.ad1: [column], .episodes: [.place, .decom]]) { data in
            let children = data[.ad1]![.child], day = data[.ad1]!.days(column), e = data.episodeColumns!
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard let placed = data.placedWithAdopters(children[row]), Days.isDay(day[row]), Days.isDay(e.starts[placed]),
                    breaks(day[row], e.starts[placed])
                else { return [] }
                return [RowHit(.ad1, row), RowHit(.episodes, placed)]
            }
        }
    }
}

extension SSDA903Data {
    /// The episode in which the child was last placed for adoption: the first of their last run of adoption placements.
    func placedWithAdopters(_ child: String) -> Int? {
        guard let e = episodeColumns, let rows = episodes[child] else { return nil }
        var found: Int?
        for index in rows.indices where SSDA903Codes.adoptionPlacements.contains(e.place[rows[index]]) {
            if index == 0 || !SSDA903Codes.adoptionPlacements.contains(e.place[rows[index - 1]]) { found = rows[index] }
        }
        return found
    }

    /// The child's episode that ended in adoption within the year.
    func adoptedInTheYear(_ child: String) -> Int? {
        guard let e = episodeColumns else { return nil }
        return episodes[child]?.last { SSDA903Codes.adopted.contains(e.rec[$0]) && e.ends[$0] >= year.start && e.ends[$0] <= year.end }
    }
}
