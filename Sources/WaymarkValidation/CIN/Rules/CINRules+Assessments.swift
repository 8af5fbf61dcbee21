/// Assessments: their dates against the referral and the census year, ones left open, and the factors identified.
extension CINRules {
    static let assessments: [CINRule] = [
        CINRule("1103", [.assessments: [.assessmentStart], .cinDetails: [.referralDate]]) { $0.beforeReferral(.assessments, .assessmentStart) },
        CINRule("8608", [.assessments: [.assessmentStart, .assessmentAuthorised]]) { data in
            let starts = data[.assessments].days(.assessmentStart), ends = data[.assessments].days(.assessmentAuthorised)
            return data.rows(.assessments) { Days.isDay(starts[$0]) && Days.isDay(ends[$0]) && starts[$0] > ends[$0] }
        },
        CINRule("8696", [.assessments: [.assessmentAuthorised]]) { $0.outsidePeriod(.assessments, .assessmentAuthorised) },
        CINRule("8736", [.assessments: [.assessmentStart, .assessmentAuthorised]]) { data in
            let starts = data[.assessments].days(.assessmentStart), ends = data[.assessments][.assessmentAuthorised]
            return data.rows(.assessments) { ends[$0].isEmpty && starts[$0] != Days.blank && !data.period.contains(starts[$0]) }
        },
        CINRule("8670Q", [.assessments: [.assessmentStart, .assessmentAuthorised]]) { data in
            // An assessment is due within 45 working days of its start (Working Together).
            let starts = data[.assessments].days(.assessmentStart), ends = data[.assessments][.assessmentAuthorised]
            let cutOff = Days.adding(workingDays: -45, to: data.period.end)
            return data.rows(.assessments) { ends[$0].isEmpty && Days.isDay(starts[$0]) && starts[$0] < cutOff }
        },
        CINRule("8863Q", [.assessments: [.assessmentStart, .assessmentAuthorised]]) { data in
            data.startedWhileAnotherOngoing(
                .assessments, starts: data[.assessments].days(.assessmentStart),
                ends: data[.assessments].days(.assessmentAuthorised))
        },
        CINRule("8896", [.assessments: [.assessmentAuthorised]]) { data in
            let ends = data[.assessments][.assessmentAuthorised]
            return (data.rowsOfEpisode[.assessments] ?? []).flatMap { rows in
                let open = rows.filter { ends[$0].isEmpty }
                return open.count > 1 ? data.hits(.assessments, open) : []
            }
        },
        CINRule("8867", [.cinDetails: [.closureDate], .assessments: [.assessmentAuthorised]]) { data in
            let closures = data[.cinDetails][.closureDate], ends = data[.assessments][.assessmentAuthorised]
            return data.withTheirEpisodes(data.rows(.assessments) { ends[$0].isEmpty && !closures[data.episode(.assessments, $0)].isEmpty })
        },
        CINRule("8614", [.assessments: [.assessmentAuthorised, .assessmentFactors]]) { data in
            let ends = data[.assessments][.assessmentAuthorised]
            return data.rows(.assessments) { ends[$0].isEmpty && data.factors[$0].contains { !$0.isEmpty } }
        },
        // Factors are asked of assessments completed in the census year: one authorised in an earlier year (carried in
        // the census with its open referral) is not queried.
        CINRule("8897Q", [.assessments: [.assessmentAuthorised, .assessmentFactors]]) { data in
            let ends = data[.assessments].days(.assessmentAuthorised)
            return data.rows(.assessments) { Days.isDay(ends[$0]) && ends[$0] >= data.period.start && !data.factors[$0].contains { !$0.isEmpty } }
        },
        CINRule("8869", [.assessments: [.assessmentFactors]]) { data in
            data.rows(.assessments) { data.factors[$0].contains(CINCodes.noFactors) && data.factors[$0].count > 1 }
        },
        CINRule("8898", [.assessments: [.assessmentFactors]]) { data in
            data.rows(.assessments) { Set(data.factors[$0]).count < data.factors[$0].count }
        },
        CINRule("8873Q", [.assessments: [.assessmentFactors, .assessmentAuthorised], .cinDetails: [.reasonForClosure]]) { data in
            let reasons = data[.cinDetails][.reasonForClosure], ends = data[.assessments][.assessmentAuthorised]
            return data.withTheirEpisodes(
                data.rows(.assessments) { row in
                    let episode = data.episode(.assessments, row)
                    return data.rows(.assessments, ofEpisode: episode).count == 1 && !ends[row].isEmpty && data.factors[row] == [CINCodes.noFactors]
                        && !CINCodes.closedAfterAssessment.contains(reasons[episode])
                })
        },
        CINRule("8945Q", [.assessments: [.assessmentFactors]]) { data in data.rows(.assessments) { data.factors[$0].contains("18A") } },
        CINRule("8950Q", [.assessments: [.assessmentFactors]]) { data in data.rows(.assessments) { data.factors[$0].contains("19A") } },
    ]
}

extension CINCensusData {
    /// A child's rows that begin while another of theirs has begun and not yet ended, by their days in `starts` and
    /// `ends`.
    func startedWhileAnotherOngoing(_ table: CINTable, starts: [Int32], ends: [Int32]) -> [RowHit] {
        var found: [Int] = []
        for rows in rowsOfChild[table] ?? [] where rows.count > 1 {
            let spans = rows.compactMap { row in span(row, starts: starts, ends: ends).map { (row, $0) } }
            for (row, span) in spans where spans.contains(where: { $0.0 != row && $0.1.start < span.start && span.start < $0.1.runsTo }) {
                found.append(row)
            }
        }
        return hits(table, found)
    }
}
