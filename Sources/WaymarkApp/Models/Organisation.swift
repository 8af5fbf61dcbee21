import Fluent
import Vapor

/// A member of the partnership: the council's own services, the NHS, police, schools, the voluntary sector.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case council, nhs, police, school, housing, voluntary, youngPeople = "young-people", other

        var displayName: String {
            switch self {
            case .council: "Council"
            case .nhs: "NHS"
            case .police: "Police"
            case .school: "School or education"
            case .housing: "Housing"
            case .voluntary: "Voluntary and community sector"
            case .youngPeople: "Children and young people"
            case .other: "Other"
            }
        }
    }

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: Kind

    init() {}

    init(id: UUID? = nil, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}
