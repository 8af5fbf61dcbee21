import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkSpreadsheet
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// Ofsted's Annex A: the lists for a chosen day, checked, and the workbook. The lists hold every child in the
/// reader's record scope (the whole borough for leadership); reading them is audited.
enum AnnexAController {
    @Sendable static func show(req: Request) async throws -> Response {
        let lists = try await Lists(req)
        try await req.audit(
            .view, recordType: .annexA, recordID: lists.annex.day.description,
            detail: "Annex A checked: \(lists.annex.problems.count) problems")
        let annex = lists.annex
        let model = AnnexAPage.Model(
            day: annex.day.description, dayInWords: annex.day.inWords,
            window: "\(annex.window.lowerBound.inWords) to \(annex.window.upperBound.inWords)", version: annex.version.rawValue,
            versions: AnnexA.Version.allCases.map { ($0.rawValue, $0.title) },
            lists: annex.lists.map { AnnexAPage.ListSummary(number: $0.number, title: $0.title, rows: $0.rows.count) },
            problems: annex.problems.map {
                AnnexAPage.Problem(
                    list: $0.list, row: $0.row, child: $0.child, childID: lists.ids[$0.child].flatMap(UUID.init(uuidString:))?.uuidString,
                    column: $0.column, value: $0.value, why: $0.why)
            },
            scopeNote: lists.scope == .all
                ? nil
                : "The lists hold only the children your record access covers; the council's full return needs "
                    + "someone with access to every child.",
            workbookURL: SiteURL.performance(.annexAWorkbook(.init(on: annex.day, headers: annex.version))).path)
        return .html(AnnexAPage.render(model, context: req.pageContext("Ofsted Annex A", area: .performance)))
    }

    @Sendable static func workbook(req: Request) async throws -> Response {
        let annex = try await Lists(req).annex
        let data = try annex.workbook().data()
        try await req.audit(
            .export, recordType: .annexA, recordID: annex.day.description,
            detail:
                "Annex A workbook (\(annex.version.rawValue)): \(annex.lists.map(\.rows.count).reduce(0, +)) rows, \(annex.problems.count) problems")
        return .attachment(data, named: "annex-a-\(annex.day).xlsx", type: TableFormat.xlsx.mediaType)
    }

    /// The lists for the day asked for (`?on=`, else today) with the headers asked for (`?headers=sex|gender`, else
    /// the version in force on the day: "Sex" from 2026).
    struct Lists {
        let annex: AnnexA
        let scope: ChildRecordScope
        /// Each listed child's id as the database writes it, by local identifier: to link a problem to its record.
        let ids: [String: String]

        init(_ req: Request) async throws {
            scope = try ChildAccess(for: try req.requireSignedIn().user).scope
            let query = req.query(AnnexAQuery.self)
            let day = query.on ?? .today
            let version = query.headers ?? .inForce(on: day)
            let children: [AnnexAChild]
            (ids, children) = try await JourneyReading.annexAChildren(on: day, scope: scope, on: req.db)
            annex = try await req.application.calculate { AnnexA(children: children, on: day, version: version) }
        }
    }
}

extension AnnexA {
    /// The workbook: one sheet per list, named as Ofsted's template names them ("List 1" … "List 11").
    func workbook() -> Workbook {
        Workbook(
            sheets: lists.map { list in
                let rows: [[Workbook.Cell]] =
                    [list.headers.map(Workbook.Cell.text)]
                    + list.rows.map { row in
                        row.map { value -> Workbook.Cell in
                            switch value {
                            case .text(let text): .text(text)
                            case .date(let day): .date(year: day.year, month: day.month, day: day.day)
                            case .number(let number): .number(number)
                            case .empty: .empty
                            }
                        }
                    }
                return Workbook.Sheet(name: "List \(list.number)", rows: rows, columnWidths: list.headers.map { min(40, max(12, $0.count / 2)) })
            })
    }
}
