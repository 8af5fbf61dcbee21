import FluentKit
import Foundation

/// The indicators linked to an outcome or an action, for their pages (the other way round from the indicator page).
package enum LinkedIndicators {
    package static func indicators(outcomeID: UUID? = nil, actionID: UUID? = nil, on db: any Database) async throws -> [(code: String, name: String)]
    {
        var query = IndicatorLink.query(on: db)
        if let outcomeID { query = query.filter(\.$outcomeID == outcomeID) }
        if let actionID { query = query.filter(\.$actionID == actionID) }
        let ids = try await query.all().map(\.indicatorID)
        guard !ids.isEmpty else { return [] }
        return try await Indicator.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all().map { ($0.code, $0.name) }
    }
}
