import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Search the audit trail by user, record and date. Newest first, 50 a page.
enum AuditTrailController {
    static let pageSize = 50

    @Sendable static func index(req: Request) async throws -> Response {
        let filters = req.query(AuditTrailQuery.self)
        var errors = FormErrors()
        let from = filters.from.isEmpty ? nil : DateFormats.day(filters.from)
        let to = filters.to.isEmpty ? nil : DateFormats.day(filters.to)
        if !filters.from.isEmpty, from == nil { errors.add("from", "Enter the start as a real day, for example 22 11 2026.") }
        if !filters.to.isEmpty, to == nil { errors.add("to", "Enter the end as a real day, for example 22 11 2026.") }
        if let from, let to, to < from { errors.add("to", "The end date is before the start date.") }
        let page = filters.page

        func given(_ text: String) -> String? { text.isEmpty ? nil : text }
        // "To" includes the whole of that day.
        let search = AuditSearch.Filters(
            username: given(filters.username), recordType: given(filters.recordType), recordID: given(filters.recordID), from: from,
            before: to?.addingTimeInterval(86_400))
        let (total, rows) = errors.isEmpty ? try await AuditSearch.search(search, page: page, pageSize: pageSize, on: req.db) : (0, [])

        let model = AuditTrailPage.Model(
            query: filters, errors: errors,
            rows: rows.map { event in
                AuditTrailPage.Row(
                    time: DateFormats.dateTime(event.occurredAt), username: event.username, action: event.action,
                    recordType: event.recordType ?? "", recordID: event.recordID ?? "",
                    ipAddress: event.ipAddress ?? "", requestID: event.requestID)
            },
            total: total, pageSize: pageSize, recordTypes: AuditRecordType.known.map(\.rawValue))
        let showAdminMenu = req.signedIn?.user.role.permissions.contains(.manageUsers) ?? false
        return .html(
            AuditTrailPage.render(model, context: req.pageContext("Audit trail", area: .admin), showAdminMenu: showAdminMenu),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
