import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The measures' part of the home page of the director, heads of service and board members: the indicators whose
/// latest value is red against its target, each with the value and the target.
enum TodayController {
    static let overseers: Set<Role> = [.leadership, .headOfService, .boardMember]

    static func today(_ req: Request) async throws -> HomeSection? {
        guard let user = req.signedIn?.user, Self.overseers.contains(user.role), user.role.permissions.contains(.viewMeasures) else {
            return nil
        }
        let (data, _) = try await MeasuresData.load(on: req.db).addingWorkedOut(req)
        let rows = data.indicators.map { data.row(for: $0) }
        let red = rows.filter { $0.assessment.target == .rated(.red) }
        guard !red.isEmpty else { return nil }
        return HomeSection(
            title: "Measures red against their targets",
            summary: "\(Counted.phrase(red.count, "indicator")) of \(Counted.number(rows.count)) \(red.count == 1 ? "is" : "are") "
                + "red at their latest value.",
            items: red.prefix(HomeSection.itemsShown).map { row in
                let value = row.assessment.latest.map { "\(row.format($0.estimate.value)) (\($0.period.inWords))" } ?? "no value"
                let target = row.assessment.targetValue.map { " against a target of \(row.format($0))" } ?? ""
                return HomeSection.Item(
                    text: row.name, href: SiteURL.measures(.indicator(code: row.code)).path, status: "Red: \(value)\(target)", urgent: true)
            },
            more: ("Open the Family Friendly Index", SiteURL.measures(.home).path))
    }
}
