/// The demo's case audits and their moderation, made from a seed: grades spread as the council's self-assessment
/// describes them (most cases "requires improvement", some good, a few inadequate or outstanding), each domain near the
/// case's grade, items answered to match, and second auditors who at first differ on about one grade in four and by
/// the end of the year hardly ever (seed 003: moderation "at first changed grades and later changed none"). Everything
/// made is typed as a person would type it and passed through the same checks (`CaseAuditResponse`,
/// `ModerationResponse`, `Adjudication`), so the demo holds nothing the forms would refuse.
public enum DemoCaseAudits {
    static let workingWell = [
        "The child is settled in school and their attendance has improved this term.",
        "The child has a trusted relationship with their social worker, who visits regularly.",
        "The family engaged well with the plan and the parenting course has made a difference.",
        "The child's carers understand their needs and advocate for them well.",
        "Contact with brothers and sisters is regular and the child looks forward to it.",
    ]
    static let difference = [
        "The child says they feel safer at home and sleeps better.",
        "The child is now registered with a dentist and their health needs are met.",
        "The child takes part in a weekly club and has made friends there.",
        "Fewer police call-outs to the home since the plan began.",
    ]
    static let missing = [
        "Not recorded on the file.", "Recorded late, weeks after the event.", "Partly recorded; no analysis of what it means for the child.",
        "No evidence the child's views were sought for this.",
    ]
    static let rationales = [
        "The plan has not been reviewed within its timescale and actions have drifted.",
        "Risks are described but not analysed; the plan does not follow from the assessment.",
        "The child has not been seen alone for over three months.",
        "Management oversight is not recorded since the case was allocated.",
    ]

    /// One audit as its auditor would type it. `overallWeights` are the chances of each grade overall, best first.
    public static func response(
        for instrument: AuditInstrument, using random: inout SeededRandom, overallWeights: [Double] = [0.05, 0.30, 0.50, 0.15]
    ) -> CaseAuditResponse {
        let scale = instrument.scale.grades.count
        let acceptable = instrument.acceptablePlace ?? scale - 1
        let overall = min(pick(weights: overallWeights, using: &random), scale - 1)
        var answers: [String: (answer: String, comment: String)] = [:]
        var grades: [String: (grade: String, rationale: String)] = [:]
        var given: [Int] = []
        for domain in instrument.domains {
            let grade = max(0, min(scale - 1, overall + (random.chance(0.3) ? (random.chance(0.5) ? 1 : -1) : 0)))
            given.append(grade)
            grades[domain.id] = (String(grade), grade > acceptable ? random.pick(rationales) : "")
            for item in domain.items {
                // Weaker grades, more items partly met or not met.
                let shortfall = Double(grade) / Double(max(1, scale - 1))
                let answer: ItemAnswer =
                    random.chance(0.04) ? .notApplicable : random.chance(shortfall * 0.7) ? (random.chance(0.6) ? .partlyMet : .notMet) : .met
                answers[item.id] = (answer.rawValue, answer.needsComment ? random.pick(missing) : "")
            }
        }
        let suggested = AuditInstrument.suggestedOverall(domainGrades: given) ?? overall
        // Mostly the overall grade the domains suggest; now and then the auditor's own judgement instead, with its reason.
        let final = random.chance(0.85) ? suggested : overall
        let rationale =
            final > acceptable
            ? random.pick(rationales)
            : final != suggested
                ? "The domain grades understate how well the child's needs are met; the overall grade reflects the child's lived experience." : ""
        return CaseAuditResponse(
            workingWell: instrument.openingPrompts.indices.map { $0 == 0 ? random.pick(workingWell) : random.pick(difference) },
            answers: answers, grades: grades, overall: String(final), overallRationale: rationale)
    }

    /// A second auditor's grades, as typed: each the first auditor's, or one grade apart with the chance given.
    public static func moderation(
        of audit: CompletedCaseAudit, instrument: AuditInstrument, differing chance: Double, using random: inout SeededRandom
    ) -> ModerationResponse {
        let scale = instrument.scale.grades.count
        let acceptable = instrument.acceptablePlace ?? scale - 1
        func second(_ grade: Int) -> ModerationResponse.Typed {
            let moved = random.chance(chance) ? max(0, min(scale - 1, grade + (random.chance(0.6) ? -1 : 1))) : grade
            return .init(grade: String(moved), rationale: moved > acceptable ? random.pick(rationales) : "")
        }
        var grades = Dictionary(uniqueKeysWithValues: audit.domains.map { ($0.domain, second($0.grade)) })
        grades[CompletedCaseAudit.overallKey] = second(audit.overall)
        return ModerationResponse(grades: grades)
    }

    /// A QA lead's decisions, as typed: mostly the second auditor's grade, with a reason, else the first's.
    /// An external moderator's grades for the demo: each grade standing, moved one place with the chance given, a
    /// change with its reason and rationale, as `ExternalModerationResponse` asks.
    public static func external(
        standing: [String: Int], instrument: AuditInstrument, differing chance: Double, using random: inout SeededRandom
    ) -> ExternalModerationResponse {
        let scale = instrument.scale.grades.count
        let acceptable = instrument.acceptablePlace ?? scale - 1
        var grades: [String: ExternalModerationResponse.Typed] = [:]
        for (domain, grade) in standing.sorted(by: { $0.key < $1.key }) {
            let moved = random.chance(chance) ? max(0, min(scale - 1, grade + (random.chance(0.5) ? -1 : 1))) : grade
            grades[domain] = .init(
                grade: String(moved), reason: moved == grade ? "" : random.pick(GradeChangeReason.allCases).rawValue,
                rationale: moved != grade || moved > acceptable ? random.pick(rationales) : "")
        }
        return ExternalModerationResponse(grades: grades)
    }

    public static func adjudication(
        _ disputed: [(domain: String, auditor: Int, moderator: Int)], using random: inout SeededRandom
    ) -> Adjudication {
        Adjudication(
            finals: Dictionary(
                uniqueKeysWithValues: disputed.map { row in
                    let changes = random.chance(0.7)
                    return (
                        row.domain,
                        Adjudication.Typed(
                            grade: String(changes ? row.moderator : row.auditor),
                            reason: changes ? random.pick(GradeChangeReason.allCases).rawValue : "",
                            rationale: changes
                                ? "Discussed with both auditors: the evidence on the file supports the second auditor's grade."
                                : "Discussed with both auditors: the first auditor's grade stands on the evidence.")
                    )
                }))
    }

    static func pick(weights: [Double], using random: inout SeededRandom) -> Int {
        var left = Double.random(in: 0..<weights.reduce(0, +), using: &random)
        for (index, weight) in weights.enumerated() {
            if left < weight { return index }
            left -= weight
        }
        return weights.count - 1
    }
}
