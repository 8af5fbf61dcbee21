import Fluent
import Foundation

/// A child, one record however many returns and systems mention them, found by the council's local identifier.
final class Child: Model, @unchecked Sendable {
    static let schema = "children"

    @ID(key: .id) var id: UUID?
    @Field(key: "local_id") var localID: String
    @OptionalField(key: "upn") var upn: String?
    /// yyyy-mm-dd.
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @OptionalField(key: "sex") var sex: String?
    @OptionalField(key: "ethnicity") var ethnicity: String?
    /// Disability codes separated by spaces.
    @OptionalField(key: "disabilities") var disabilities: String?
    @OptionalField(key: "nhs_number") var nhsNumber: String?
    @OptionalField(key: "given_name") var givenName: String?
    @OptionalField(key: "family_name") var familyName: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// Who a child is allocated to from a day (and until a day): a team, and within it a worker.
final class ChildAllocation: Model, @unchecked Sendable {
    static let schema = "child_allocations"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @OptionalField(key: "team_id") var teamID: UUID?
    /// The Waymark account of the worker, when one has the name the case system gives.
    @OptionalField(key: "worker_id") var workerID: UUID?
    /// The worker as the case system names them.
    @OptionalField(key: "worker_name") var workerName: String?
    /// yyyy-mm-dd.
    @Field(key: "starts") var starts: String
    @OptionalField(key: "ends") var ends: String?

    init() {}
}

/// One record of a child's journey, with every field as its source wrote it (JSON) and where it came from.
final class JourneyEvent: Model, @unchecked Sendable {
    static let schema = "journey_events"
    /// The index of every column but the fields, by child (see `IndexRecordsByChild`).
    static let byChildIndex = "journey_events_by_child"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "natural_key") var naturalKey: String
    @OptionalField(key: "starts") var starts: String?
    @OptionalField(key: "ends") var ends: String?
    @Field(key: "fields") var fields: String
    @OptionalField(key: "import_id") var importID: UUID?
    /// The collection years of the returns that held this record, each between spaces (" 2025 2026 "), so that a
    /// year's return can be written out again with exactly its own records.
    @Field(key: "return_years") var returnYears: String
    @Field(key: "source_file") var sourceFile: String
    @Field(key: "source_line") var sourceLine: Int

    init() {}
}

/// A statutory return imported: which, for which year, from which files, by whom, and what came of it.
final class ReturnImport: Model, @unchecked Sendable {
    static let schema = "return_imports"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "collection_year") var collectionYear: Int?
    @Field(key: "files") var files: String
    @Field(key: "imported_at") var importedAt: Date
    @Field(key: "imported_by") var importedBy: String
    @Field(key: "summary") var summary: String
    /// How the files were laid out (JSON), so that an export can write them back as they came.
    @OptionalField(key: "layout") var layout: String?

    init() {}
}
