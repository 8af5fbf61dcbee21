import Testing
import WaymarkDomain

/// A child's records read as a social worker would write them: every code by its meaning, every date in words.
@Suite struct RecordInWordsTests {
    func record(_ kind: JourneyKind, _ fields: [String: String]) -> JourneyRecord {
        JourneyRecord(
            childLocalID: "C1", kind: kind, naturalKey: "K", starts: ISODay(year: 2025, month: 6, day: 2), ends: nil, fields: fields,
            sourceFile: "f", sourceLine: 1)
    }

    @Test func theCINCensusInWords() {
        #expect(
            RecordInWords.sentence(
                record(
                    .cinEpisode,
                    [
                        "ReferralSource": "6", "PrimaryNeedCode": "N4", "ReferralNFA": "false", "CINclosureDate": "2025-09-01",
                        "ReasonForClosure": "RC9",
                    ]))
                == "Referral from the police; primary need: family in acute stress; closed 1 September 2025: closed after assessment, referred to early help"
        )
        #expect(
            RecordInWords.sentence(record(.cinAssessment, ["AssessmentAuthorisationDate": "2025-07-15", "AssessmentFactors": "1A 3B 19C 24A 99"]))
                == "Assessment authorised 15 July 2025; factors: alcohol misuse (the child), domestic abuse (a parent or carer), "
                + "sexual abuse by another child, child criminal exploitation, code 99")
        #expect(RecordInWords.sentence(record(.cinAssessment, [:])) == "Assessment not yet authorised")
        #expect(
            RecordInWords.sentence(
                record(.cinProtectionPlan, ["InitialCategoryOfAbuse": "NEG", "LatestCategoryOfAbuse": "EMO", "NumberOfPreviousCPP": "1"]))
                == "Child protection plan under the category of emotional abuse; 1 previous plan")
        #expect(RecordInWords.sentence(record(.cinSection47, ["ICPCnotRequired": "true"])) == "Section 47 enquiry; no conference needed")
    }

    @Test func theSSDA903InWords() {
        #expect(
            RecordInWords.sentence(
                record(
                    .ssda903(.episodes),
                    ["LS": "V2", "PLACE": "K2", "PLACE_PROVIDER": "PR4", "RNE": "P", "REC": "X1", "REASON_PLACE_CHANGE": "CHILD"]))
                == "Looked after: accommodated under section 20 (single period); a children's home, provided by a private provider; "
                + "new episode: placement changed, same legal status; ended: a new episode began; reason for the move: the child asked")
        #expect(
            RecordInWords.sentence(record(.ssda903(.reviews), ["REVIEW_CODE": "PN1"]))
                == "Looked-after review; the child attended and spoke for themselves")
        // A code no list has is named as a code, never guessed.
        #expect(RecordInWords.sentence(record(.ssda903(.episodes), ["LS": "Q9"])) == "Looked after: code Q9")
        // A care leaver's accommodation: its kind, then whether it is suitable.
        #expect(
            RecordInWords.sentence(record(.ssda903(.oc3), ["IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "Z1"]))
                == "Care leaver in touch; full-time other education; with former foster carers, suitable")
        #expect(RecordInWords.sentence(record(.ssda903(.oc3), ["ACCOM": "S2"])) == "no fixed abode or homeless, not suitable")
        #expect(RecordInWords.sentence(record(.ssda903(.oc3), ["ACCOM": "Q1"])) == "accommodation code Q1, suitable")
    }

    @Test func theCaseSystemInWords() {
        #expect(
            RecordInWords.sentence(
                record(
                    .caseSystem(.contacts),
                    ["cont_contact_source_desc": "School", "cont_contact_outcome_json": #"{"NEW_REFERRAL_FLAG": "Y", "NFA_FLAG": "N"}"#]))
                == "Contact from School; outcome: a referral to children's social care")
        #expect(
            RecordInWords.sentence(
                record(
                    .caseSystem(.mashDecisions),
                    ["mash_outcome": "Early help", "mash_decision_date": "2025-06-03", "mash_brag_initial": "Amber", "mash_brag_final": "Green"]))
                == "MASH decision: early help; decided 3 June 2025; rated Amber, then Green")
        #expect(
            RecordInWords.sentence(record(.caseSystem(.cinVisits), ["cinv_cin_visit_seen": "Y", "cinv_cin_visit_seen_alone": "N"]))
                == "Child in need visit: seen, not seen alone")
        #expect(
            RecordInWords.sentence(
                record(
                    .caseSystem(.missing),
                    ["miss_missing_episode_type": "M", "miss_missing_episode_end_date": "2025-06-04", "miss_missing_rhi_date": "2025-06-05"]))
                == "Missing; back 4 June 2025; return home interview 5 June 2025")
    }

    @Test func codesByTheirMeaning() {
        #expect(CodeMeanings.words(CodeMeanings.ethnicity, "ABAN") == "Asian or Asian British – Bangladeshi")
        #expect(CodeMeanings.words(CodeMeanings.legalStatus, "C2") == "Full care order")
        #expect(CodeMeanings.words(CodeMeanings.sex, nil) == nil && CodeMeanings.words(CodeMeanings.sex, "") == nil)
        #expect(ISODay(year: 2012, month: 3, day: 27).age(on: ISODay(year: 2026, month: 3, day: 26)) == 13)
        #expect(ISODay(year: 2012, month: 3, day: 27).age(on: ISODay(year: 2026, month: 3, day: 27)) == 14)
    }
}

/// The top of a child's page: what is open on the day, in words.
@Suite struct ChildNowTests {
    func record(_ kind: JourneyKind, _ key: String, _ starts: String, _ ends: String? = nil, _ fields: [String: String] = [:]) -> JourneyRecord {
        JourneyRecord(
            childLocalID: "C1", kind: kind, naturalKey: key, starts: ISODay(starts), ends: ends.flatMap { ISODay($0) }, fields: fields,
            sourceFile: "f", sourceLine: 1)
    }

    @Test func whatIsOpenOnTheDayWithWhenItBegan() {
        let records = [
            // A referral closed in 2024, and the one open since; a plan ended; a plan open; two episodes, the second open.
            record(.cinEpisode, "R1", "2023-02-01", "2024-01-10", ["ReferralSource": "6"]),
            record(.cinEpisode, "R2", "2025-03-03", nil, ["ReferralSource": "1A", "PrimaryNeedCode": "N1"]),
            record(.cinProtectionPlan, "P1", "2025-04-01", "2025-09-30"),
            record(.cinProtectionPlan, "P2", "2025-11-03", nil, ["InitialCategoryOfAbuse": "NEG"]),
            record(.ssda903(.episodes), "E1", "2025-12-01", "2026-02-01", ["LS": "C1"]),
            record(.ssda903(.episodes), "E2", "2026-02-01", nil, ["LS": "C2", "PLACE": "U6", "RNE": "L"]),
            // Not yet begun on the day.
            record(.cinPlan, "CP1", "2026-12-10"),
        ]
        let lines = ChildNow.lines(records, on: ISODay("2026-12-06")!)
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix("; since 3 March 2025") && lines[0].contains("abuse or neglect"))
        #expect(lines[1] == "Child protection plan under the category of neglect; since 3 November 2025")
        #expect(lines[2].hasPrefix("Looked after: full care order; ") && lines[2].hasSuffix("; since 1 February 2026"))
        // On the day a plan ends it is no longer open.
        #expect(ChildNow.lines([record(.cinPlan, "CP", "2026-01-05", "2026-12-06")], on: ISODay("2026-12-06")!).isEmpty)
    }
}
