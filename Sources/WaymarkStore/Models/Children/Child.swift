import FluentKit
import Foundation

/// A child, one record however many returns and systems mention them, found by the council's local identifier.
package final class Child: Model, @unchecked Sendable {
    package static let schema = "children"

    @ID(key: .id) package var id: UUID?
    @Field(key: "local_id") package var localID: String
    @OptionalField(key: "upn") package var upn: String?
    /// yyyy-mm-dd.
    @OptionalField(key: "date_of_birth") package var dateOfBirth: String?
    @OptionalField(key: "sex") package var sex: String?
    @OptionalField(key: "ethnicity") package var ethnicity: String?
    /// Disability codes separated by spaces.
    @OptionalField(key: "disabilities") package var disabilities: String?
    @OptionalField(key: "nhs_number") package var nhsNumber: String?
    @OptionalField(key: "given_name") package var givenName: String?
    @OptionalField(key: "family_name") package var familyName: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    package init() {}
}

/// Who a child is allocated to from a day (and until a day): a team, and within it a worker.
package final class ChildAllocation: Model, @unchecked Sendable {
    package static let schema = "child_allocations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "child_id") package var childID: UUID
    @OptionalField(key: "team_id") package var teamID: UUID?
    /// The Waymark account of the worker, when one has the name the case system gives.
    @OptionalField(key: "worker_id") package var workerID: UUID?
    /// The worker as the case system names them.
    @OptionalField(key: "worker_name") package var workerName: String?
    /// The worker's identifier in the case system, when the extract gives one.
    @OptionalField(key: "worker_staff_id") package var workerStaffID: String?
    /// yyyy-mm-dd.
    @Field(key: "starts") package var starts: String
    @OptionalField(key: "ends") package var ends: String?

    package init() {}
}

/// One record of a child's journey, with every field as its source wrote it (JSON) and where it came from.
package final class JourneyEvent: Model, @unchecked Sendable {
    package static let schema = "journey_events"
    /// The index of every column but the fields, by child (see `IndexRecordsByChild`).
    static let byChildIndex = "journey_events_by_child"

    @ID(key: .id) package var id: UUID?
    @Field(key: "child_id") package var childID: UUID
    @Field(key: "kind") package var kind: String
    @Field(key: "natural_key") package var naturalKey: String
    @OptionalField(key: "starts") package var starts: String?
    @OptionalField(key: "ends") package var ends: String?
    @Field(key: "fields") package var fields: String
    @OptionalField(key: "import_id") var importID: UUID?
    /// The collection years of the returns that held this record, each between spaces (" 2025 2026 "), so that a
    /// year's return can be written out again with exactly its own records.
    @Field(key: "return_years") package var returnYears: String
    @Field(key: "source_file") package var sourceFile: String
    @Field(key: "source_line") package var sourceLine: Int

    package init() {}
}

/// A statutory return imported: which, for which year, from which files, by whom, and what came of it.
package final class ReturnImport: Model, @unchecked Sendable {
    package static let schema = "return_imports"

    @ID(key: .id) package var id: UUID?
    @Field(key: "kind") package var kind: String
    @OptionalField(key: "collection_year") var collectionYear: Int?
    @Field(key: "files") package var files: String
    @Field(key: "imported_at") var importedAt: Date
    @Field(key: "imported_by") var importedBy: String
    @Field(key: "summary") package var summary: String
    /// How the files were laid out (JSON), so that an export can write them back as they came.
    @OptionalField(key: "layout") package var layout: String?

    package init() {}
}

extension Child {
    /// The child's name where the case system gave one (returns carry none).
    package var displayName: String? {
        let name = [givenName, familyName].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
