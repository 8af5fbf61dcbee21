import FluentKit
import Foundation

/// A member of the partnership: the council's own services, the NHS, police, schools, the voluntary sector.
package final class Organisation: Model, @unchecked Sendable {
    package static let schema = "organisations"

    package enum Kind: String, Codable, CaseIterable, Sendable {
        case council, nhs, police, school, housing, voluntary, youngPeople = "young-people", other

        package var displayName: String {
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
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "name") package var name: String
    @Field(key: "kind") package var kind: Kind

    package init() {}

    package init(id: UUID? = nil, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}
