import WaymarkDomain
import WaymarkReturns

/// Section 47 enquiries, initial child protection conferences, child protection plans and their reviews.
extension CINRules {
    static let protection: [CINRule] = [
        CINRule("2889", [.section47: [.s47Start], .cinDetails: [.referralDate]]) { $0.beforeReferral(.section47, .s47Start) },
        CINRule("1104", [.section47: [.initialConference], .cinDetails: [.referralDate, .initialConference]]) { data in
            let referrals = data[.cinDetails].days(.referralDate), conferences = data[.cinDetails].days(.initialConference)
            let episodes = data.rows(.cinDetails) { Days.isDay(conferences[$0]) && Days.isDay(referrals[$0]) && conferences[$0] < referrals[$0] }
            return data.beforeReferral(.section47, .initialConference) + episodes
        },
        CINRule("1105", [.childProtectionPlans: [.cppStart], .cinDetails: [.referralDate]]) { $0.beforeReferral(.childProtectionPlans, .cppStart) },
        CINRule("2884", [.section47: [.initialConference], .cinDetails: [.initialConference]]) { data in
            // The same conference (the same day) recorded with the enquiry and on the episode: the episode's own field
            // is for a conference that no enquiry in the episode led to.
            let episodeConferences = data[.cinDetails].days(.initialConference), enquiryConferences = data[.section47].days(.initialConference)
            return data.withTheirEpisodes(
                data.rows(.section47) { row in
                    Days.isDay(enquiryConferences[row]) && enquiryConferences[row] == episodeConferences[data.episode(.section47, row)]
                })
        },
        CINRule("8615", [.section47: [.s47Start, .initialConference]]) { data in
            let starts = data[.section47].days(.s47Start), conferences = data[.section47].days(.initialConference)
            return data.rows(.section47) { row in
                !Days.isDay(starts[row]) || (Days.isDay(conferences[row]) && starts[row] > conferences[row])
            }
        },
        CINRule("8715", [.section47: [.initialConference], .cinDetails: [.initialConference]]) { data in
            data.outsidePeriod(.cinDetails, .initialConference) + data.outsidePeriod(.section47, .initialConference)
        },
        CINRule("8875", [.section47: [.initialConference], .cinDetails: [.initialConference]]) { data in
            let episodes = data[.cinDetails].days(.initialConference), enquiries = data[.section47].days(.initialConference)
            return data.rows(.cinDetails) { Days.isDay(episodes[$0]) && Days.isWeekend(episodes[$0]) }
                + data.rows(.section47) { Days.isDay(enquiries[$0]) && Days.isWeekend(enquiries[$0]) }
        },
        CINRule("8870Q", [.section47: [.initialConferenceTarget]]) { data in
            let targets = data[.section47].days(.initialConferenceTarget)
            return data.rows(.section47) { Days.isDay(targets[$0]) && Days.isWeekend(targets[$0]) }
        },
        CINRule("8675Q", [.section47: [.s47Start, .initialConference, .conferenceNotRequired]]) { data in
            // The initial conference is due within 15 working days of the strategy discussion that began the enquiry
            // (Working Together); an enquiry that needed no conference says so.
            let starts = data[.section47].days(.s47Start), cutOff = Days.adding(workingDays: -15, to: data.period.end)
            return data.rows(.section47) { data.isOpen(enquiry: $0) && Days.isDay(starts[$0]) && starts[$0] < cutOff }
        },
        CINRule("8740", [.section47: [.s47Start, .initialConference, .conferenceNotRequired]]) { data in
            let starts = data[.section47].days(.s47Start)
            return data.rows(.section47) { data.isOpen(enquiry: $0) && starts[$0] != Days.blank && !data.period.contains(starts[$0]) }
        },
        CINRule("8839", [.section47: [.initialConference, .conferenceNotRequired]]) { data in
            (data.rowsOfEpisode[.section47] ?? []).flatMap { rows in
                let open = rows.filter { data.isOpen(enquiry: $0) }
                return open.count > 1 ? data.hits(.section47, open) : []
            }
        },
        CINRule("8890", [.section47: [.s47Start, .initialConference]]) { data in
            // An enquiry that needed no conference ended without one: it is not ongoing after it began.
            let starts = data[.section47].days(.s47Start), conferences = data[.section47].days(.initialConference)
            let ends = conferences.indices.map { data.isOpen(enquiry: $0) || conferences[$0] != Days.blank ? conferences[$0] : starts[$0] }
            return data.startedWhileAnotherOngoing(.section47, starts: starts, ends: ends)
        },
        CINRule("8868", [.cinDetails: [.closureDate], .section47: [.initialConference, .conferenceNotRequired]]) { data in
            let closures = data[.cinDetails][.closureDate]
            return data.withTheirEpisodes(data.rows(.section47) { data.isOpen(enquiry: $0) && !closures[data.episode(.section47, $0)].isEmpty })
        },
        CINRule("2991Q", [.section47: [.s47Start], .assessments: [.assessmentStart]]) { data in
            data.rows(.section47) { data.rows(.assessments, ofEpisode: data.episode(.section47, $0)).isEmpty }
        },
        CINRule("2883", [.childProtectionPlans: [.cppStart], .section47: [.initialConference], .cinDetails: [.initialConference]]) { data in
            // Each episode: plans begun in the year against initial conferences held in it.
            let starts = data[.childProtectionPlans].days(.cppStart)
            let episodeConferences = data[.cinDetails].days(.initialConference), enquiryConferences = data[.section47].days(.initialConference)
            return data.rows(.cinDetails) { row in
                let plans = data.rows(.childProtectionPlans, ofEpisode: row).filter { data.period.contains(starts[$0]) }.count
                let conferences =
                    data.rows(.section47, ofEpisode: row).filter { data.period.contains(enquiryConferences[$0]) }.count
                    + (data.period.contains(episodeConferences[row]) ? 1 : 0)
                return plans > conferences
            }
        },
        CINRule("2885", [.childProtectionPlans: [.cppStart], .section47: [.initialConference], .cinDetails: [.initialConference]]) { data in
            // A plan begun in the year begins on the day of the episode's initial conference, where there was one.
            let starts = data[.childProtectionPlans].days(.cppStart)
            let episodeConferences = data[.cinDetails].days(.initialConference), enquiryConferences = data[.section47].days(.initialConference)
            return data.rows(.childProtectionPlans) { row in
                let episode = data.episode(.childProtectionPlans, row)
                let conferences = (data.rows(.section47, ofEpisode: episode).map { enquiryConferences[$0] } + [episodeConferences[episode]])
                    .filter(Days.isDay)
                return data.period.contains(starts[row]) && !conferences.isEmpty && !conferences.contains(starts[row])
            }
        },
        CINRule("8720", [.childProtectionPlans: [.cppStart]]) { data in
            let starts = data[.childProtectionPlans].days(.cppStart)
            return data.rows(.childProtectionPlans) { !Days.isDay(starts[$0]) || starts[$0] > data.period.end }
        },
        CINRule("8925", [.childProtectionPlans: [.cppStart, .cppEnd]]) { data in
            let starts = data[.childProtectionPlans].days(.cppStart), ends = data[.childProtectionPlans].days(.cppEnd)
            return data.rows(.childProtectionPlans) { Days.isDay(starts[$0]) && Days.isDay(ends[$0]) && ends[$0] < starts[$0] }
        },
        CINRule("8840", [.childProtectionPlans: [.cppStart, .cppEnd]]) { data in
            let starts = data[.childProtectionPlans].days(.cppStart), ends = data[.childProtectionPlans].days(.cppEnd)
            return data.rows(.childProtectionPlans) { Days.isDay(starts[$0]) && ends[$0] == starts[$0] }
        },
        CINRule("8930", [.childProtectionPlans: [.cppEnd]]) { $0.outsidePeriod(.childProtectionPlans, .cppEnd) },
        CINRule("8935", [.childProtectionPlans: [.cppEnd]]) { $0.moreThanOneOpen(.childProtectionPlans, end: .cppEnd) },
        CINRule("8940", [.childProtectionPlans: [.cppStart, .cppEnd]]) { $0.overlapping(.childProtectionPlans, start: .cppStart, end: .cppEnd) },
        CINRule("8915", [.childProtectionPlans: [.cppStart], .childIdentifiers: [.deathDate]]) { $0.afterDeath(.childProtectionPlans, .cppStart) },
        CINRule("8920", [.childProtectionPlans: [.cppEnd], .childIdentifiers: [.deathDate]]) { $0.afterDeath(.childProtectionPlans, .cppEnd) },
        CINRule("8905", [.childProtectionPlans: [.initialCategory]]) { data in
            data.notIn(.childProtectionPlans, .initialCategory, CINCodes.categoryOfAbuse, blankAllowed: false)
        },
        CINRule("8910", [.childProtectionPlans: [.latestCategory]]) { data in
            data.notIn(.childProtectionPlans, .latestCategory, CINCodes.categoryOfAbuse, blankAllowed: false)
        },
        CINRule("8730", [.childProtectionPlans: [.previousPlans]]) { data in
            let previous = data[.childProtectionPlans][.previousPlans]
            return data.rows(.childProtectionPlans) { previous[$0].isEmpty }
        },
        CINRule("8841", [.reviews: [.reviewDate], .childProtectionPlans: [.cppStart]]) { data in
            let reviews = data[.reviews].days(.reviewDate), starts = data[.childProtectionPlans].days(.cppStart)
            let found = data.rows(.reviews) { row in
                let start = starts[data.planOfReview[row]]
                return Days.isDay(reviews[row]) && Days.isDay(start) && reviews[row] <= start
            }
            return found + data.hits(.childProtectionPlans, found.map { data.planOfReview[$0.row] })
        },
        CINRule("8842Q", [.reviews: [.reviewDate]]) { data in
            let reviews = data[.reviews][.reviewDate]
            return data.rows(.reviews) { reviews[$0].isEmpty }
        },
    ]
}

extension CINCensusData {
    /// An enquiry still open: no initial conference held, and not marked as needing none.
    func isOpen(enquiry row: Int) -> Bool {
        self[.section47][.initialConference][row].isEmpty && CINYesNo.read(self[.section47][.conferenceNotRequired][row]) != true
    }
}
