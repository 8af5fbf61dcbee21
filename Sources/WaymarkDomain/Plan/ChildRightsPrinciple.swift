/// Unicef UK's seven principles of a child rights-based approach, which run through every outcome of the plan
/// (Children and Young People's Plan 2019–2023, "The seven principles of a child rights-based approach").
public enum ChildRightsPrinciple: String, CaseIterable, Codable, Sendable {
    case dignity
    case interdependence = "interdependence-and-indivisibility"
    case bestInterests = "best-interests"
    case lifeSurvivalDevelopment = "life-survival-and-development"
    case nonDiscrimination = "non-discrimination"
    case participation
    case transparency = "transparency-and-accountability"

    public var displayName: String {
        switch self {
        case .dignity: "Dignity"
        case .interdependence: "Interdependence and indivisibility"
        case .bestInterests: "Best interests"
        case .lifeSurvivalDevelopment: "Life, survival and development"
        case .nonDiscrimination: "Non-discrimination"
        case .participation: "Participation"
        case .transparency: "Transparency and accountability"
        }
    }
}
