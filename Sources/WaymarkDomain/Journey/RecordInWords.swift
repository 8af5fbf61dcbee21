/// A record of a child's journey as a social worker would write it in a chronology: what happened, in a sentence,
/// every code by its meaning (`CodeMeanings`) and every date as "15 January 2019". Kinds without their own sentence
/// list their fields by name.
public enum RecordInWords {
    public static func sentence(_ record: JourneyRecord) -> String {
        let f = record.fields
        func field(_ name: String) -> String? { f[name].flatMap { $0.isEmpty ? nil : $0 } }
        func day(_ name: String) -> String? { field(name).flatMap { ISODay($0) ?? ReturnDate.ssda903($0) }.map(\.written) }
        func yes(_ name: String) -> Bool? { field(name).map { ["Y", "YES", "1", "TRUE"].contains($0.uppercased()) } }
        func join(_ parts: [String?]) -> String { parts.compactMap { $0 }.joined(separator: "; ") }
        switch record.kind.rawValue {
        case "waymark.case-discussion":
            return CaseDiscussionWords.sentence(
                supervisee: field("supervisee") ?? "–", heldBy: field("held_by") ?? "–", discussion: field("discussion") ?? "",
                decision: field("decision") ?? "", action: field("action"), owner: field("action_owner"), due: field("action_due"))
        case "cin.episode":
            let source = CodeMeanings.words(CodeMeanings.referralSource, field("ReferralSource")).map { "Referral from \($0)" }
            let need = CodeMeanings.words(CodeMeanings.need, field("PrimaryNeedCode")).map { "primary need: \($0)" }
            let nfa = CINYesNo.read(field("ReferralNFA")) == true ? "no further action at referral" : nil
            let closed = day("CINclosureDate").map { closed in
                "closed \(closed)" + (CodeMeanings.words(CodeMeanings.reasonForClosure, field("ReasonForClosure")).map { ": \($0)" } ?? "")
            }
            return join([source ?? "Referral", need, nfa, closed])
        case "cin.assessment":
            let factors = (field("AssessmentFactors") ?? "").split(separator: " ").compactMap {
                CodeMeanings.words(CodeMeanings.assessmentFactor, String($0))
            }
            return join([
                day("AssessmentAuthorisationDate").map { "Assessment authorised \($0)" } ?? "Assessment not yet authorised",
                factors.isEmpty ? nil : "factors: " + factors.joined(separator: ", "),
            ])
        case "cin.plan":
            return join(["Child in need plan", day("CINPlanEndDate").map { "ended \($0)" }])
        case "cin.section47":
            let conference =
                CINYesNo.read(field("ICPCnotRequired")) == true
                ? "no conference needed" : day("DateOfInitialCPC").map { "initial conference \($0)" } ?? "conference not yet held"
            return join(["Section 47 enquiry", conference])
        case "cin.protection-plan":
            let category = CodeMeanings.words(CodeMeanings.abuse, field("LatestCategoryOfAbuse") ?? field("InitialCategoryOfAbuse"))
            let previous = field("NumberOfPreviousCPP").flatMap(Int.init).flatMap { $0 > 0 ? Counted.phrase($0, "previous plan") : nil }
            return join([
                "Child protection plan" + (category.map { " under the category of \($0)" } ?? ""), previous, day("CPPendDate").map { "ended \($0)" },
            ])
        case "cin.protection-review":
            return "Child protection review conference"
        case "ssda903.episodes":
            let status = CodeMeanings.words(CodeMeanings.legalStatus, field("LS"))
            let place = CodeMeanings.words(CodeMeanings.placement, field("PLACE"))
            let provider = CodeMeanings.words(CodeMeanings.placementProvider, field("PLACE_PROVIDER"))
            let why = CodeMeanings.words(CodeMeanings.reasonForNewEpisode, field("RNE"))
            let ended = CodeMeanings.words(CodeMeanings.reasonEpisodeCeased, field("REC")).map { "ended: \($0)" }
            let move = CodeMeanings.words(CodeMeanings.reasonPlaceChange, field("REASON_PLACE_CHANGE")).map { "reason for the move: \($0)" }
            return join([
                "Looked after" + (status.map { ": " + $0.prefix(1).lowercased() + $0.dropFirst() } ?? ""),
                place.map { place in provider.map { "\(place), provided by \($0)" } ?? place },
                why.map { "new episode: \($0)" }, ended, move,
            ])
        case "ssda903.reviews":
            return join(["Looked-after review", CodeMeanings.words(CodeMeanings.reviewParticipation, field("REVIEW_CODE")).map { "the child \($0)" }])
        case "ssda903.oc3":
            return join([
                CodeMeanings.words(CodeMeanings.inTouch, field("IN_TOUCH")).map { "Care leaver \($0)" },
                CodeMeanings.words(CodeMeanings.activity, field("ACTIV")), CodeMeanings.accommodation(field("ACCOM")),
            ])
        case "case.ssd_contacts":
            let from = field("cont_contact_source_desc") ?? CodeMeanings.words(CodeMeanings.referralSource, field("cont_contact_source_code"))
            return join([from.map { "Contact from \($0)" } ?? "Contact", contactOutcome(field("cont_contact_outcome_json"))])
        case "case.waymark_mash_decisions":
            let rag = [field("mash_brag_initial"), field("mash_brag_final")].compactMap { $0 }
            return join([
                field("mash_outcome").map { "MASH decision: \($0.prefix(1).lowercased() + $0.dropFirst())" } ?? "MASH decision",
                day("mash_decision_date").map { "decided \($0)" } ?? "not yet decided",
                rag.isEmpty ? nil : rag.count == 2 && rag[0] != rag[1] ? "rated \(rag[0]), then \(rag[1])" : "rated \(rag[0])",
            ])
        case "case.ssd_cin_visits", "case.ssd_cp_visits", "case.ssd_cla_visits":
            let prefix =
                record.kind.rawValue == "case.ssd_cin_visits"
                ? "cinv_cin_visit" : record.kind.rawValue == "case.ssd_cp_visits" ? "cppv_cp_visit" : "clav_cla_visit"
            let seen = yes("\(prefix)_seen").map { $0 ? "seen" : "not seen" }
            let alone = yes("\(prefix)_seen_alone").map { $0 ? "seen alone" : "not seen alone" }
            let bedroom = yes("\(prefix)_bedroom").map { $0 ? "bedroom seen" : "bedroom not seen" }
            let parts = [seen, alone, bedroom].compactMap { $0 }
            return record.kind.displayName + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
        case "case.ssd_cla_health":
            return join([field("clah_health_check_type") ?? "Health check", field("clah_health_check_status")?.lowercased()])
        case "case.waymark_personal_education_plans":
            return join(["Personal education plan", field("pepl_pep_status")?.lowercased()])
        case "case.waymark_cin_plan_reviews":
            return "Child in need plan review"
        case "case.ssd_missing":
            let kind =
                field("miss_missing_episode_type").map { $0.uppercased() == "A" ? "Away from placement without permission" : "Missing" } ?? "Missing"
            return join([
                kind, day("miss_missing_episode_end_date").map { "back \($0)" },
                day("miss_missing_rhi_date").map { "return home interview \($0)" }
                    ?? (yes("miss_missing_rhi_offered") == true ? "return home interview offered" : nil),
            ])
        case "case.ssd_care_leavers":
            return join([
                field("clea_care_leaver_in_touch").map { CodeMeanings.words(CodeMeanings.inTouch, $0)! }.map { "Care leaver \($0)" },
                CodeMeanings.words(CodeMeanings.activity, field("clea_care_leaver_activity")),
                CodeMeanings.accommodation(field("clea_care_leaver_accommodation")),
                day("clea_pathway_plan_review_date").map { "pathway plan reviewed \($0)" },
                field("clea_care_leaver_personal_advisor").map { "personal adviser \($0)" },
            ])
        case "case.waymark_strategy_discussions":
            return join(["Strategy discussion", field("stra_outcome").map { "outcome: \($0.lowercased())" }])
        case "case.ssd_early_help_episodes":
            return join([
                "Early help" + (field("earl_episode_reason").map { " for \($0.lowercased())" } ?? ""),
                field("earl_episode_organisation").map { "with \($0)" }, field("earl_episode_end_reason").map { "ended: \($0.lowercased())" },
            ])
        case "case.waymark_private_fostering":
            return join(["Private fostering notified", day("pfos_first_visit_date").map { "first visit \($0)" }])
        case "case.ssd_involvements":
            return join(["Allocated", field("invo_professional_team").map { "to \($0)" }])
        default:
            return record.kind.displayName + (JourneyStatus.detail(f).isEmpty ? "" : ": " + JourneyStatus.detail(f))
        }
    }

    /// The SSD's contact outcome (`{"NEW_REFERRAL_FLAG": "Y"}`) in words: each flag set, by its meaning.
    static func contactOutcome(_ json: String?) -> String? {
        guard let json else { return nil }
        let flags = [
            "NEW_REFERRAL_FLAG": "a referral to children's social care", "EXISTING_REFERRAL_FLAG": "an existing open case",
            "CP_ENQUIRY_FLAG": "a child protection enquiry", "NFA_FLAG": "no further action", "EARLY_HELP_FLAG": "early help",
            "ADVICE_FLAG": "advice or signposting", "OTHER_OUTCOMES_EXIST_FLAG": "another outcome",
        ]
        let set = flags.keys.sorted().filter {
            json.contains("\"\($0)\"") && json.range(of: "\"\($0)\"\\s*:\\s*\"Y\"", options: .regularExpression) != nil
        }
        return set.isEmpty ? nil : "outcome: " + set.map { flags[$0]! }.joined(separator: ", ")
    }
}
