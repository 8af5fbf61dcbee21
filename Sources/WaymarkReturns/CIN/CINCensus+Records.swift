import WaymarkDomain

extension CINCensus {
    /// A census rebuilt from the store's CIN records: each child's `cin.child` record and the episodes, assessments,
    /// plans, enquiries, protection plans, reviews and pre-proceedings records, put back in their episodes by their
    /// natural keys (which start with the episode's referral date). Children and parts keep their source order.
    public init(header: Header, children: [(localID: String, records: [JourneyRecord])]) {
        self.init()
        self.header = header
        for (localID, records) in children {
            let ordered = records.sorted { $0.sourceLine < $1.sourceLine }
            guard let identity = ordered.first(where: { $0.kind == .cinChild }) else { continue }
            let f = identity.fields
            let sexElement = f["Sex"] != nil ? "Sex" : "GenderCurrent"
            var child = CINChild(
                line: identity.sourceLine, laChildID: localID, upn: f["UPN"], formerUPN: f["FormerUPN"], upnUnknown: f["UPNunknown"],
                birthDate: f["PersonBirthDate"], expectedBirthDate: f["ExpectedPersonBirthDate"], deathDate: f["PersonDeathDate"],
                sex: f[sexElement], sexElement: sexElement, ethnicity: f["Ethnicity"],
                disabilities: f["Disabilities"].map { $0.split(separator: " ").map(String.init) } ?? [], episodes: [])
            func parts(_ kind: JourneyKind, of referral: String) -> [JourneyRecord] {
                ordered.filter { $0.kind == kind && $0.naturalKey.hasPrefix(referral + "|") }
            }
            for episodeRecord in ordered where episodeRecord.kind == .cinEpisode {
                let e = episodeRecord.fields
                let referral = episodeRecord.naturalKey
                var episode = CINEpisode(
                    line: episodeRecord.sourceLine, referralDate: e["CINreferralDate"] ?? referral, referralSource: e["ReferralSource"],
                    primaryNeed: e["PrimaryNeedCode"], closureDate: e["CINclosureDate"], reasonForClosure: e["ReasonForClosure"],
                    dateOfInitialCPC: e["DateOfInitialCPC"], referralNFA: e["ReferralNFA"],
                    assessments: [], plans: [], section47s: [], protectionPlans: [], preProceedings: [])
                episode.assessments = parts(.cinAssessment, of: referral).map { r in
                    .init(
                        line: r.sourceLine, start: r.fields["AssessmentActualStartDate"] ?? "", authorised: r.fields["AssessmentAuthorisationDate"],
                        internalReview: r.fields["AssessmentInternalReviewDate"],
                        factors: r.fields["AssessmentFactors"].map { $0.split(separator: " ").map(String.init) } ?? [])
                }
                episode.plans = parts(.cinPlan, of: referral).map {
                    .init(line: $0.sourceLine, start: $0.fields["CINPlanStartDate"] ?? "", end: $0.fields["CINPlanEndDate"])
                }
                episode.section47s = parts(.cinSection47, of: referral).map { r in
                    .init(
                        line: r.sourceLine, start: r.fields["S47ActualStartDate"] ?? "", initialConferenceTarget: r.fields["InitialCPCtarget"],
                        dateOfInitialCPC: r.fields["DateOfInitialCPC"], conferenceNotRequired: r.fields["ICPCnotRequired"])
                }
                episode.protectionPlans = parts(.cinProtectionPlan, of: referral).map { r in
                    let planKey = r.naturalKey
                    return .init(
                        line: r.sourceLine, start: r.fields["CPPstartDate"] ?? "", end: r.fields["CPPendDate"],
                        initialCategory: r.fields["InitialCategoryOfAbuse"], latestCategory: r.fields["LatestCategoryOfAbuse"],
                        previousPlans: r.fields["NumberOfPreviousCPP"],
                        reviews: ordered.filter { $0.kind == .cinProtectionReview && $0.naturalKey.hasPrefix(planKey + "|") }
                            .compactMap { $0.fields["CPPreviewDate"] })
                }
                episode.preProceedings = parts(.cinPreProceedings, of: referral).map { r in
                    CINCensusReader.preProceedingsOrder.compactMap { name in r.fields[name].map { (name, $0) } }
                }
                child.episodes.append(episode)
            }
            self.children.append(child)
        }
    }
}
