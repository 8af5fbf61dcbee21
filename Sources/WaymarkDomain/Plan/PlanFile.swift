/// The plan data file: everything a partnership needs to run its plans, in one readable document that any
/// council can write (`waymark plan import FILE`) and that Waymark writes back (`waymark plan export`).
///
/// Names tie the parts together: an action's `responsible` entries name organisations (by name or alias),
/// its `monitoring` entries name boards, a recommendation's `answered_by` names actions by
/// `plan-slug/ref`. `PlanFile.problems()` checks all of it before anything is stored.
public struct PlanFile: Codable, Equatable, Sendable {
    public static let currentFormat = "waymark-plan/1"

    public var format: String
    public var organisations: [Organisation]
    public var boards: [Board]
    public var plans: [Plan]
    public var recommendations: [Recommendation]?
    public var monitoringVisits: [MonitoringVisit]?
    public var documents: [StrategyDocument]?
    public var areas: [Area]?
    public var indicators: [Indicator]?

    public init(
        format: String = PlanFile.currentFormat, organisations: [Organisation], boards: [Board], plans: [Plan],
        recommendations: [Recommendation]? = nil, monitoringVisits: [MonitoringVisit]? = nil,
        documents: [StrategyDocument]? = nil, areas: [Area]? = nil, indicators: [Indicator]? = nil
    ) {
        self.format = format
        self.organisations = organisations
        self.boards = boards
        self.plans = plans
        self.recommendations = recommendations
        self.monitoringVisits = monitoringVisits
        self.documents = documents
        self.areas = areas
        self.indicators = indicators
    }

    enum CodingKeys: String, CodingKey {
        case format, organisations, boards, plans, recommendations, documents, areas, indicators
        case monitoringVisits = "monitoring_visits"
    }

    /// A body that can be responsible for actions. `aliases` are other names the plan text uses for it
    /// ("Family Services" for "Barnet Council – Family Services").
    public struct Organisation: Codable, Equatable, Sendable {
        public var name: String
        /// council, nhs, police, school, housing, voluntary, young-people or other.
        public var kind: String
        public var aliases: [String]?

        public init(name: String, kind: String, aliases: [String]? = nil) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
        }
    }

    /// A board, committee, plan or report through which actions are monitored ("How we will monitor").
    public struct Board: Codable, Equatable, Sendable {
        public var name: String
        /// board, committee, plan, report or other.
        public var kind: String
        /// Other ways the plan text writes the same board ("CFC action plan reporting").
        public var aliases: [String]?

        public init(name: String, kind: String, aliases: [String]? = nil) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
        }
    }

    public struct Plan: Codable, Equatable, Sendable {
        /// Lower-case letters, digits and hyphens; the plan's name in links and in `answered_by`.
        public var slug: String
        public var title: String
        public var kind: PlanKind
        public var status: PlanStatus
        public var version: String
        /// ISO dates, yyyy-mm-dd.
        public var starts: String
        public var ends: String
        public var vision: String?
        public var outcomes: [Outcome]
        /// How progress is monitored (the Family Friendly Index measures of the plan summary).
        public var measures: [String]?

        public init(
            slug: String, title: String, kind: PlanKind, status: PlanStatus, version: String, starts: String,
            ends: String, vision: String? = nil, outcomes: [Outcome], measures: [String]? = nil
        ) {
            self.slug = slug
            self.title = title
            self.kind = kind
            self.status = status
            self.version = version
            self.starts = starts
            self.ends = ends
            self.vision = vision
            self.outcomes = outcomes
            self.measures = measures
        }
    }

    public struct Outcome: Codable, Equatable, Sendable {
        /// Short reference, unique in the plan; defaults to the outcome's position ("3").
        public var ref: String?
        public var name: String
        public var ambition: String?
        public var principles: [ChildRightsPrinciple]?
        /// Whether this is one of the Unicef Child Friendly Communities outcomes, usable as a tag.
        public var childFriendlyCommunities: Bool?
        public var keyFigures: [KeyFigure]?
        public var youngPeopleSaid: [String]?
        public var objectives: [Objective]

        public init(
            ref: String? = nil, name: String, ambition: String? = nil, principles: [ChildRightsPrinciple]? = nil,
            childFriendlyCommunities: Bool? = nil, keyFigures: [KeyFigure]? = nil, youngPeopleSaid: [String]? = nil,
            objectives: [Objective]
        ) {
            self.ref = ref
            self.name = name
            self.ambition = ambition
            self.principles = principles
            self.childFriendlyCommunities = childFriendlyCommunities
            self.keyFigures = keyFigures
            self.youngPeopleSaid = youngPeopleSaid
            self.objectives = objectives
        }

        enum CodingKeys: String, CodingKey {
            case ref, name, ambition, principles, objectives
            case childFriendlyCommunities = "child_friendly_communities"
            case keyFigures = "key_figures"
            case youngPeopleSaid = "young_people_said"
        }
    }

    /// A "What we know" figure: "84%" of "Young people feel Barnet is a family friendly place to live".
    public struct KeyFigure: Codable, Equatable, Sendable {
        public var value: String
        public var label: String
        public var source: String?
        /// ISO date or year the figure describes.
        public var date: String?
        /// The code of the indicator that tracks this figure over time, when there is one.
        public var indicator: String?

        public init(value: String, label: String, source: String? = nil, date: String? = nil, indicator: String? = nil) {
            self.value = value
            self.label = label
            self.source = source
            self.date = date
            self.indicator = indicator
        }
    }

    public struct Objective: Codable, Equatable, Sendable {
        /// Defaults to "outcome.position" ("3.2").
        public var ref: String?
        public var title: String
        public var actions: [Action]?

        public init(ref: String? = nil, title: String, actions: [Action]? = nil) {
            self.ref = ref
            self.title = title
            self.actions = actions
        }
    }

    /// "What we are doing": one action, who is responsible and how it is monitored.
    public struct Action: Codable, Equatable, Sendable {
        /// Defaults to "outcome.objective.position" ("3.2.1").
        public var ref: String?
        public var title: String
        public var responsible: [String]
        public var monitoring: [String]?
        public var lead: String?
        /// ISO dates, yyyy-mm-dd.
        public var starts: String?
        public var due: String?
        public var status: ActionStatus?
        /// Per cent complete, 0 to 100.
        public var progress: Int?
        public var rag: RAG?
        public var ragReason: String?

        public init(
            ref: String? = nil, title: String, responsible: [String], monitoring: [String]? = nil,
            lead: String? = nil, starts: String? = nil, due: String? = nil, status: ActionStatus? = nil,
            progress: Int? = nil, rag: RAG? = nil, ragReason: String? = nil
        ) {
            self.ref = ref
            self.title = title
            self.responsible = responsible
            self.monitoring = monitoring
            self.lead = lead
            self.starts = starts
            self.due = due
            self.status = status
            self.progress = progress
            self.rag = rag
            self.ragReason = ragReason
        }

        enum CodingKeys: String, CodingKey {
            case ref, title, responsible, monitoring, lead, starts, due, status, progress, rag
            case ragReason = "rag_reason"
        }
    }

    /// An inspection recommendation and the actions that answer it.
    public struct Recommendation: Codable, Equatable, Sendable {
        public var source: RecommendationSource
        public var number: Int
        public var text: String
        public var status: RecommendationStatus?
        public var evidence: String?
        /// Actions as "plan-slug/ref".
        public var answeredBy: [String]?

        public init(
            source: RecommendationSource, number: Int, text: String, status: RecommendationStatus? = nil,
            evidence: String? = nil, answeredBy: [String]? = nil
        ) {
            self.source = source
            self.number = number
            self.text = text
            self.status = status
            self.evidence = evidence
            self.answeredBy = answeredBy
        }

        enum CodingKeys: String, CodingKey {
            case source, number, text, status, evidence
            case answeredBy = "answered_by"
        }
    }

    public struct MonitoringVisit: Codable, Equatable, Sendable {
        /// ISO date (yyyy-mm-dd), or the month (yyyy-mm) where only that is known.
        public var date: String
        public var focus: String
        public var findings: String

        public init(date: String, focus: String, findings: String) {
            self.date = date
            self.focus = focus
            self.findings = findings
        }
    }

    /// An entry in the strategy documents library.
    public struct StrategyDocument: Codable, Equatable, Sendable {
        public var title: String
        public var summary: String
        public var owner: String?
        public var period: String?
        /// ISO date by which the document should be reviewed.
        public var reviewDue: String?
        public var link: String?
        /// Slugs of the plans it supports.
        public var plans: [String]?

        public init(
            title: String, summary: String, owner: String? = nil, period: String? = nil, reviewDue: String? = nil,
            link: String? = nil, plans: [String]? = nil
        ) {
            self.title = title
            self.summary = summary
            self.owner = owner
            self.period = period
            self.reviewDue = reviewDue
            self.link = link
            self.plans = plans
        }

        enum CodingKeys: String, CodingKey {
            case title, summary, owner, period, link, plans
            case reviewDue = "review_due"
        }
    }
}
