import WaymarkDomain

/// What the demo's supervision sessions say: plain, as a team manager writes them, naming no one.
enum DemoSupervisionWords {
    static let cancelled = [
        "Supervisor called to an urgent strategy discussion.", "Worker on leave.", "Supervisor off sick; rearranged for later in the week.",
        "Worker in court all day.",
    ]
    static let experience = [
        "A busy month with two new section 47 enquiries and a contested ICPC.", "Caseload steady; first month leading a pre-proceedings case.",
        "Returned from leave to a placement breakdown on one case.", "Completed the direct work training and used it with two children.",
    ]
    static let reflection = [
        "Felt stretched by the court work but supported by the team.", "Anxious about the home visit where the father was hostile.",
        "Proud of how the family engaged with the safety plan.", "Frustrated by delays in the health assessments.",
    ]
    static let analysis = [
        "Recording is behind on two cases; visits are on time.", "The child's voice comes through well in the assessments.",
        "Needs to be clearer with families about what will happen if things do not change.", "Good use of chronologies to show patterns of neglect.",
    ]
    static let nextSteps = [
        "Protected recording time on Friday mornings for a month.", "Shadow a colleague at the next ICPC.",
        "Book onto the court skills course.", "Keep the caseload at its current level until the pre-proceedings case is settled.",
    ]
    static let wellbeing = [
        "Tired after a difficult duty week; agreed a lighter week.", "Managing a family bereavement; agreed flexible hours for a month.",
        "Feeling more confident; no concerns.", "Worried about workload; caseload reviewed together.",
    ]

    static func discussion(for status: String, using random: inout SeededRandom) -> (discussion: String, decision: String, action: String?) {
        let (discussions, decisions): ([String], [String]) =
            switch status {
            case JourneyStatus.protectionPlan:
                (
                    [
                        "Progress against the child protection plan and the core group's actions; the child was seen alone at the last visit.",
                        "Whether the plan is reducing the risk: the parents' engagement and the child's school attendance.",
                        "The contingency plan, and what would lead to a legal planning meeting.",
                    ],
                    [
                        "The plan continues; review at the next core group.", "Hold a core group meeting within 10 working days.",
                        "Request a legal planning meeting.",
                    ]
                )
            case JourneyStatus.lookedAfter:
                (
                    [
                        "Placement stability, and the child's time with their family.", "The plan for permanence before the second review.",
                        "The health assessment and the personal education plan's targets.",
                    ],
                    [
                        "The care plan continues; no change before the review.", "Explore a move to long-term fostering with the carers.",
                        "Ask the virtual school to join the next PEP meeting.",
                    ]
                )
            default:
                (
                    [
                        "Progress against the child in need plan since its last review.",
                        "Whether the family still needs a plan, or could move to early help.",
                        "The family's housing and the effect on the children.",
                    ],
                    [
                        "The plan continues; next review as planned.", "Step down to early help at the next review.",
                        "Refer the family to the housing options team.",
                    ]
                )
            }
        let actions = [
            "Update the chronology and the plan", "Visit and see the child alone", "Share the updated plan with the family",
            "Chase the health assessment",
        ]
        return (random.pick(discussions), random.pick(decisions), random.chance(0.6) ? random.pick(actions) : nil)
    }
}
