import WaymarkDomain
import WaymarkReturns

/// Each episode against the child's episode before or after it, and across a period of care.
extension SSDA903Rules {
    static let episodeSequence: [SSDA903Rule] = [
        // An episode that is not the child's last has not ended.
        following("142", [.dec]) { e, previous, _ in e.dec[previous].isEmpty ? previous : nil },
        following("501", [.decom, .dec]) { e, previous, row in
            Days.isDay(e.ends[previous]) && Days.isDay(e.starts[row]) && e.starts[row] < e.ends[previous] ? row : nil
        },
        following("431", [.rne, .decom]) { e, previous, row in e.rne[row] == "S" && e.ends[previous] == e.starts[row] ? row : nil },
        following("432", [.rne, .rec]) { e, previous, row in
            !e.rec[previous].isEmpty && e.rec[previous] != "X1" && e.rne[row] != "S" && e.ends[previous] == e.starts[row] ? row : nil
        },
        following("433", [.rne, .decom]) { e, previous, row in
            ["P", "L", "T", "U", "B"].contains(e.rne[row]) && Days.isDay(e.ends[previous]) && e.ends[previous] != e.starts[row] ? row : nil
        },
        following("434", [.rne, .ls, .place, .placeProvider, .urn, .plPost]) { e, previous, row in
            e.rne[row] == "L" && (e.ls[row] == e.ls[previous] || !e.samePlacement(previous, row)) ? row : nil
        },
        // P: the placement changed but not the legal status; T: the same, to a temporary placement (the message covers
        // both: "placement has changed but not the legal status").
        following("435", [.rne, .ls, .place, .placeProvider, .urn, .plPost]) { e, previous, row in
            (e.rne[row] == "P" || e.rne[row] == "T") && (e.ls[row] != e.ls[previous] || e.samePlacement(previous, row)) ? row : nil
        },
        // B: both the placement and the legal status changed; U: both, the placement to a temporary one.
        following("436", [.rne, .ls, .place, .placeProvider, .urn, .plPost]) { e, previous, row in
            (e.rne[row] == "B" || e.rne[row] == "U") && (e.ls[row] == e.ls[previous] || e.samePlacement(previous, row)) ? row : nil
        },
        // Died (E2), or found by age assessment to be 18 or over (E15), and yet later episodes.
        following("437", [.rec]) { e, previous, _ in ["E2", "E15"].contains(e.rec[previous]) ? previous : nil },
        // Adopted (E11, E12): every later episode shows a child adopted from care looked after again.
        SSDA903Rule("199", [.episodes: [.rec]]) { data in
            let rec = data[.episodes]![.rec]
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child -> [Int] in
                    let rows = data.episodes[child]!
                    guard let adopted = rows.firstIndex(where: { ["E11", "E12"].contains(rec[$0]) }) else { return [] }
                    return Array(rows[(adopted + 1)...])
                })
        },
        following("225", [.reasonPlaceChange, .rec]) { e, previous, row in
            // The placement changed (new episode for P, T, B or U) and the episode that ended is not a temporary one.
            e.rec[previous] == "X1" && ["P", "T", "B", "U"].contains(e.rne[row]) && e.ends[previous] == e.starts[row]
                && !SSDA903Codes.temporaryPlacements.contains(e.place[previous]) && e.reasonPlaceChange[previous].isEmpty ? previous : nil
        },
        SSDA903Rule("383", [.episodes: [.place, .urn]]) { data in
            // The normal placement is the last one before the temporary placements that was not temporary; the placement
            // the child goes to after them, within the period of care, must be it (the same type and Ofsted URN). That
            // episode is pointed at. A period that begins or ends in a temporary placement is rule 380's or 381's.
            let e = data.episodeColumns!
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child in
                    data.periods(of: child).flatMap { period -> [Int] in
                        var normal: Int?, afterTemporary = false, found: [Int] = []
                        for row in period {
                            if SSDA903Codes.temporaryPlacements.contains(e.place[row]) {
                                afterTemporary = true
                                continue
                            }
                            if afterTemporary, let normal, e.place[row] != e.place[normal] || e.urn[row] != e.urn[normal] { found.append(row) }
                            (normal, afterTemporary) = (row, false)
                        }
                        return found
                    }
                })
        },
        SSDA903Rule("388", [.episodes: [.rec, .dec]]) { data in
            let e = data.episodeColumns!
            return data.rows(.episodes) { row in
                guard e.rec[row] == "X1" else { return false }
                guard let next = e.next[row] else { return true }
                return e.starts[next] != e.ends[row]
            }
        },
        SSDA903Rule("357", [.episodes: [.rne, .decom]]) { data in
            // The first episode in the return that begins in the year has no episode before it: it starts a period of care.
            let e = data.episodeColumns!
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.compactMap { child in
                    guard let first = data.episodes[child]?.first else { return nil }
                    return e.starts[first] >= data.year.start && e.rne[first] != "S" ? first : nil
                })
        },
        SSDA903Rule("380", [.episodes: [.place, .rne]]) { data in
            // A period of care starts where the child started to be looked after (S), or where an episode does not follow
            // on from the one before. A return's first episode that began with a change (P, L, T, U, B) continues a
            // period of care begun before the episodes the return holds.
            let e = data.episodeColumns!
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child in
                    data.periods(of: child).enumerated().flatMap { index, period in
                        period.filter {
                            (e.rne[$0] == "S" || ($0 == period.first && index > 0)) && SSDA903Codes.temporaryPlacements.contains(e.place[$0])
                        }
                    }
                })
        },
        SSDA903Rule("381", [.episodes: [.place, .rec]]) { data in
            let place = data[.episodes]![.place], rec = data[.episodes]![.rec]
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child in
                    data.periods(of: child).compactMap { $0.last }.filter {
                        SSDA903Codes.temporaryPlacements.contains(place[$0]) && !rec[$0].isEmpty && rec[$0] != "X1"
                    }
                })
        },
        // A period of being looked after begins again with an episode begun with S, even the day another ended.
        SSDA903Rule("504", [.episodes: [.cin, .rne]]) { data in
            let cin = data[.episodes]![.cin], rne = data[.episodes]![.rne]
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child in
                    data.periods(of: child).flatMap { period in
                        var start = period[0]
                        return period.dropFirst().filter { row in
                            if rne[row] == "S" { start = row }
                            return cin[row] != cin[start]
                        }
                    }
                })
        },
        SSDA903Rule("366", [.episodes: [.ls, .rne]]) { data in
            // A short break (V3) begins a period of care of its own: it cannot follow on from another placement.
            let ls = data[.episodes]![.ls], rne = data[.episodes]![.rne]
            return data.rows(.episodes) { ls[$0] == "V3" && rne[$0] != "S" }
        },
        SSDA903Rule("367", [.episodes: [.ls, .decom, .dec]]) { data in
            // Short breaks (V3) within the year may add up to at most 75 days; the breaks that count are pointed at.
            let e = data.episodeColumns!
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child -> [Int] in
                    let breaks = (data.episodes[child] ?? []).filter { e.ls[$0] == "V3" && Days.isDay(e.starts[$0]) }.map { row in
                        let from = max(e.starts[row], data.year.start), to = min(Days.isDay(e.ends[row]) ? e.ends[row] : data.year.end, data.year.end)
                        return (row: row, days: max(0, to - from + 1))
                    }.filter { $0.days > 0 }
                    return breaks.reduce(0) { $0 + $1.days } > 75 ? breaks.map(\.row) : []
                })
        },
        SSDA903Rule("377", [.episodes: [.place, .decom]]) { data in
            // At most two placements while the usual foster carer is on holiday (T3) in the year.
            let e = data.episodeColumns!
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child -> [Int] in
                    let holidays = (data.episodes[child] ?? []).filter {
                        e.place[$0] == "T3" && e.starts[$0] >= data.year.start && e.starts[$0] <= data.year.end
                    }
                    return holidays.count > 2 ? holidays : []
                })
        },
        SSDA903Rule("426", [.episodes: [.ls]]) { data in
            let ls = data[.episodes]![.ls]
            return data.hits(
                .episodes,
                data.childrenWithEpisodes.flatMap { child -> [Int] in
                    let rows = data.episodes[child] ?? []
                    return rows.contains { ls[$0] == "V3" } && rows.contains { ls[$0] == "V4" }
                        ? rows.filter { ls[$0] == "V3" || ls[$0] == "V4" } : []
                })
        },
    ]

    /// A rule over each pair of a child's episodes that follow one another (in the order they began); `check` gives
    /// the row to report, or nil.
    static func following(
        _ code: String, _ columns: [SSDA903Column],
        check: @escaping @Sendable (EpisodeColumns, _ previous: Int, _ row: Int) -> Int?
    ) -> SSDA903Rule {
        SSDA903Rule(code, [.episodes: columns]) { data in
            let e = data.episodeColumns!
            var found: [Int] = []
            for child in data.childrenWithEpisodes {
                let rows = data.episodes[child]!
                for index in rows.indices.dropFirst() {
                    if let row = check(e, rows[index - 1], rows[index]) { found.append(row) }
                }
            }
            return data.hits(.episodes, found)
        }
    }
}

/// The episodes table's columns, fetched once for a rule, with each episode's next episode for the same child.
struct EpisodeColumns: Sendable {
    let starts: [Int32], ends: [Int32]
    let rne: [String], ls: [String], place: [String], provider: [String], dec: [String], rec: [String]
    let reasonPlaceChange: [String], plPost: [String], urn: [String]
    let next: [Int?]

    init(_ table: ValidationTable, episodes: [String: [Int]]) {
        starts = table.days(.decom)
        ends = table.days(.dec)
        rne = table[.rne]
        ls = table[.ls]
        place = table[.place]
        provider = table[.placeProvider]
        dec = table[.dec]
        rec = table[.rec]
        reasonPlaceChange = table[.reasonPlaceChange]
        plPost = table[.plPost]
        urn = table[.urn]
        var next = [Int?](repeating: nil, count: table.count)
        for rows in episodes.values {
            for index in rows.indices.dropFirst() { next[rows[index - 1]] = rows[index] }
        }
        self.next = next
    }

    /// The same placement: type, provider, Ofsted URN and postcode all unchanged.
    func samePlacement(_ a: Int, _ b: Int) -> Bool {
        place[a] == place[b] && provider[a] == provider[b] && urn[a] == urn[b] && plPost[a] == plPost[b]
    }
}
