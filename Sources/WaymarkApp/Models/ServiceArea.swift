import Fluent
import Vapor

/// A part of children's services with its own head of service (for example Early Help, or Children in Care).
final class ServiceArea: Model, @unchecked Sendable {
    static let schema = "service_areas"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "name") var name: String

    // relationships
    @Children(for: \.$serviceArea) var teams: [Team]

    init() {}

    init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A team within a service area; caseloads and the daily tracker are by team.
final class Team: Model, @unchecked Sendable {
    static let schema = "teams"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "name") var name: String

    // relationships
    @Parent(key: "service_area_id") var serviceArea: ServiceArea

    init() {}

    init(id: UUID? = nil, name: String, serviceAreaID: UUID) {
        self.id = id
        self.name = name
        self.$serviceArea.id = serviceAreaID
    }
}
