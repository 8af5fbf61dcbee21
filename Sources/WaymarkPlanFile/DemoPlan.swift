import WaymarkDomain

/// The demo's plan in force: the Children and Young People's Plan 2023–2027 summary's outcomes and objectives (as
/// the seeds publish them) made a delivery plan with two actions an objective, who answers for each and which board
/// monitors it, and a year of monthly updates with their RAG, as a partnership would have by now. The bundled Barnet
/// file stays as the seeds wrote it (the summary a draft with no actions); this plan is marked as a demonstration.
/// Its four years end at the 31 March after the day it is made, so it is in force whenever the demo is made.
public enum DemoPlan {
    public static let slug = "cypp-delivery-demo"
    /// The summary whose outcomes and objectives the delivery plan takes.
    public static let summarySlug = "cypp-2023-2027-summary"

    /// The plan, in a file with the organisations and boards it names (those of `barnet`), or nil when `barnet` has
    /// no summary to take it from.
    public static func file(from barnet: PlanFile, madeOn: ISODay) -> PlanFile? {
        guard let summary = barnet.plans.first(where: { $0.slug == summarySlug }) else { return nil }
        let (starts, ends) = period(madeOn: madeOn)
        var random = SeededRandom(seed: 2023)
        let outcomes = summary.outcomes.enumerated().map { outcomeIndex, outcome in
            PlanFile.Outcome(
                ref: String(outcomeIndex + 1), name: outcome.name, ambition: outcome.ambition, principles: outcome.principles,
                objectives: outcome.objectives.enumerated().map { objectiveIndex, objective in
                    let ref = "\(outcomeIndex + 1).\(objectiveIndex + 1)"
                    let planned = actions[objective.title] ?? []
                    return PlanFile.Objective(
                        ref: ref, title: objective.title,
                        actions: planned.enumerated().map { actionIndex, action in
                            let begins = starts.adding(months: random.int(0...30))
                            let due = min(begins.adding(months: random.int(12...40)), ends)
                            return PlanFile.Action(
                                ref: "\(ref).\(actionIndex + 1)", title: action.title, responsible: action.responsible,
                                monitoring: action.monitoring, starts: begins.description, due: due.description)
                        })
                })
        }
        let plan = PlanFile.Plan(
            slug: slug, title: "Children and Young People's Plan \(starts.year)–\(ends.year): delivery plan (demonstration)",
            kind: .partnership, status: .active, version: "demonstration", starts: starts.description, ends: ends.description,
            vision: summary.vision, outcomes: outcomes, measures: summary.measures)
        return PlanFile(organisations: barnet.organisations, boards: barnet.boards, plans: [plan])
    }

    /// Four years ending at the 31 March after the day before the demo is made: 2023–2027 for any day in 2026/27.
    static func period(madeOn: ISODay) -> (starts: ISODay, ends: ISODay) {
        let lastDay = madeOn.adding(days: -1)
        let endYear = lastDay.month >= 4 ? lastDay.year + 1 : lastDay.year
        return (ISODay(year: endYear - 4, month: 4, day: 1), ISODay(year: endYear, month: 3, day: 31))
    }

    struct Planned {
        var title: String, responsible: [String], monitoring: [String]
        init(_ title: String, _ responsible: [String], _ monitoring: [String]) {
            self.title = title
            self.responsible = responsible
            self.monitoring = monitoring
        }
    }

    static let familyServices = "Barnet Council – Family Services", education = "Barnet Council – Education and Skills"
    static let send = "Barnet Council – SEND Service", publicHealth = "Barnet Council – Public Health"
    static let corporateParenting = "Corporate Parenting Advisory Panel", sendBoard = "SEND Partnership Board"
    static let standards = "Schools Standards Partnership Board", places = "School Organisation and Place Planning Partnership Board"

    /// Two actions for each objective of the summary, by the objective's title.
    static let actions: [String: [Planned]] = [
        "Support our children in care and care experienced young people to live their lives successfully": [
            Planned(
                "Open a care leavers' hub with drop-in advice on money, housing and work", [familyServices, "Barnet Homes"], [corporateParenting]),
            Planned(
                "Extend the local offer for care leavers to 25, with council tax exemption and free leisure passes", [familyServices],
                [corporateParenting]),
        ],
        "Support children and young people with SEND to achieve well, be confident individuals, live fulfilling lives": [
            Planned("Publish a refreshed SEND Local Offer written with parents and carers", [send, "Parents and carers"], [sendBoard]),
            Planned("Issue nine in ten new education, health and care plans within 20 weeks", [send], [sendBoard]),
        ],
        "Provide support to young carers in carrying out their roles": [
            Planned(
                "Find young carers through schools and offer each a young carer's assessment", [familyServices, "Barnet schools"],
                ["Children, Education and Safeguarding Committee"]),
            Planned(
                "Run respite activities each school holiday and a young carers' forum", ["Young Barnet Foundation"],
                ["Voluntary and Community Sector Partnership"]),
        ],
        "Provide support that encourages and builds resilience": [
            Planned("Open a family hub in each locality with one front door for early help", [familyServices], ["Family Services Improvement Board"]),
            Planned(
                "Train 300 practitioners across the partnership in the practice model", [familyServices], ["Barnet Safeguarding Children Partnership"]
            ),
        ],
        "Children and young people develop a positive sense of identity": [
            Planned("Give every child in care a life-story book and a record of their heritage", [familyServices], [corporateParenting]),
            Planned(
                "Run identity and belonging workshops in secondary schools with faith groups", ["Barnet Multi-Faith Forum", "Barnet schools"],
                ["Voluntary and Community Sector Partnership"]),
        ],
        "Enable environments to allow children to have fun, play and explore the world": [
            Planned(
                "Refurbish ten play areas chosen by children", ["Barnet Council – Green Spaces", "Child Friendly Communities Programme"],
                ["Green Spaces Master Plans"]),
            Planned(
                "Offer free holiday activities with food to every child on free school meals", [education, "Young Barnet Foundation"],
                ["Children, Education and Safeguarding Committee"]),
        ],
        "Ensuring children have the space and opportunity to build trusted relationships": [
            Planned("Offer every child in care an independent visitor or mentor", [familyServices], [corporateParenting]),
            Planned(
                "Keep youth sessions open five evenings a week in each locality", ["OnSide Youth Zones"],
                ["Vulnerable Adolescents Community Partnerships Board"]),
        ],
        "Ensure the most vulnerable are protected": [
            Planned(
                "Tell every referrer the MASH decision within one working day",
                [familyServices, "Metropolitan Police – North West Basic Command Unit"], ["Barnet Safeguarding Children Partnership"]),
            Planned(
                "Audit 20 case files a month, moderated, and report the learning to heads of service", [familyServices],
                ["Family Services Improvement Board"]),
        ],
        "Children and young people are safe and helped to make good choices": [
            Planned(
                "Hold a contextual safeguarding meeting for every young person at risk of exploitation",
                [familyServices, "Barnet Council – Community Safety"], ["Vulnerable Adolescents Community Partnerships Board"]),
            Planned(
                "Offer a return home interview within 72 hours to every child who goes missing", [familyServices],
                ["Safeguarding Adolescents at Risk Group"]),
        ],
        "Ensure that there is sufficient placement choice that provides safe and secure homes for our children in care": [
            Planned("Recruit 40 new foster carers, for teenagers and brothers and sisters most of all", [familyServices], [corporateParenting]),
            Planned(
                "Open two children's homes in the borough so fewer children live far away", [familyServices],
                ["Children, Education and Safeguarding Committee"]),
        ],
        "Improve children's life chances by supporting their health and wellbeing from very early age and through to their transition into adulthood":
            [
                Planned(
                    "Reach nine in ten families with the five health visiting checks", [publicHealth, "Health providers"], ["0-19 Project Board"]),
                Planned(
                    "Complete initial health assessments for children in care within 20 working days",
                    ["NHS Barnet Clinical Commissioning Group", familyServices], [corporateParenting]),
            ],
        "Promote good mental and emotional health across all ages and different communities and work together to prevent severe mental illness, substance misuse and suicide":
            [
                Planned(
                    "Put a mental health support team in every secondary school",
                    ["Barnet, Enfield and Haringey Mental Health NHS Trust (CAMHS)", "Barnet schools"], ["CAMHS Transformation Board"]),
                Planned(
                    "Bring the wait for a first CAMHS appointment under 12 weeks", ["Barnet, Enfield and Haringey Mental Health NHS Trust (CAMHS)"],
                    ["CAMHS Transformation Board"]),
            ],
        "Improve choices for physical activities locally for all ages and abilities, and ensure residents know how to access it": [
            Planned(
                "Offer free swimming and sport to children in care and young carers", ["Fit & Healthy Barnet (FAB)"], ["Health and Wellbeing Board"]),
            Planned("List every children's sport and activity in the family services directory", [publicHealth], ["Health and Wellbeing Board"]),
        ],
        "Provide integrated care by joining up services across health and social care": [
            Planned(
                "Agree one health and social care pathway for children with complex needs",
                ["NHS Barnet Clinical Commissioning Group", familyServices], ["Health and Wellbeing Board"]),
            Planned(
                "Start a shared transition plan at 14 for young people moving to adult services", [send, "Barnet Clinical Integrated Services"],
                [sendBoard]),
        ],
        "Improve the educational progress and outcomes for all children and young people": [
            Planned("Raise the share of pupils reaching the expected standard at key stage 2", [education, "Barnet schools"], [standards]),
            Planned("Review every child in care's personal education plan each term", ["Barnet Virtual School"], ["Virtual School Improvement Plan"]),
        ],
        "Diminish the differences in attainment and progress between the most disadvantaged and vulnerable pupils and their peers": [
            Planned("Target tutoring at disadvantaged pupils in the schools with the widest gaps", [education], [standards]),
            Planned(
                "Cut persistent absence among children with a social worker", ["Barnet Virtual School", "Barnet schools"],
                ["Education Strategic Partnership Board"]),
        ],
        "Ensure the provision of high quality local placements and support for children and young people with special educational needs and disabilities":
            [
                Planned("Open 120 more specialist resource places in local mainstream schools", [education, send], [places]),
                Planned("Review every special school placement outside the borough for a local one", [send], [sendBoard]),
            ],
        "Ensure there are sufficient high quality school places to meet the needs of Barnet children including progress into Higher Education, Apprenticeships or Employment":
            [
                Planned("Publish the school place plan each year, matched to forecast demand", [education], [places]),
                Planned(
                    "Follow up every 16 and 17 year old whose education, training or work is not known", [education, "Barnet colleges"],
                    ["Education Strategic Partnership Board"]),
            ],
        "Ensure that every school and setting is good or outstanding": [
            Planned(
                "Give each school that requires improvement an improvement partner and a termly review", [education, "Cambridge Education"],
                [standards]),
            Planned("Support early years settings through the quality improvement programme", [education], [standards]),
        ],
    ]
}
