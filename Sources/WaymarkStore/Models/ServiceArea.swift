import FluentKit
import Foundation

/// A part of children's services with its own head of service (for example Early Help, or Children in Care).
package final class ServiceArea: Model, @unchecked Sendable {
    package static let schema = "service_areas"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "name") package var name: String

    // relationships
    @Children(for: \.$serviceArea) package var teams: [Team]

    package init() {}

    package init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A team within a service area; caseloads and the daily tracker are by team.
package final class Team: Model, @unchecked Sendable {
    package static let schema = "teams"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "name") package var name: String

    // relationships
    @Parent(key: "service_area_id") package var serviceArea: ServiceArea

    package init() {}

    package init(id: UUID? = nil, name: String, serviceAreaID: UUID) {
        self.id = id
        self.name = name
        self.$serviceArea.id = serviceAreaID
    }
}
