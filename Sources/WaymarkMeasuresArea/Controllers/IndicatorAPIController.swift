import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Partner systems send indicator values as JSON with their organisation's API token. The values are the rows of
/// the upload table (the same fields, the same checks, all or nothing), as a list:
///
///     POST /api/v1/indicators/neet-16-17/values
///     {"values": [{"area": "Barnet", "period": "2019", "value": 2.1, "count": 120, "denominator": 5714}]}
enum IndicatorAPIController {
    /// A field as sent: text, a number or true/false, or null; kept as the text a spreadsheet cell would hold.
    struct Field: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                text = ""
            } else if let number = try? container.decode(Double.self) {
                text = number.wholeNumberText ?? "\(number)"
            } else if let flag = try? container.decode(Bool.self) {
                text = flag ? "true" : "false"
            } else {
                text = try container.decode(String.self)
            }
        }
    }

    struct Body: Decodable {
        var values: [[String: Field]]
    }

    struct Accepted: Content {
        var added: Int, changed: Int, unchanged: Int, summary: String
    }

    struct Refused: Content {
        var error: String
        var problems: [String]
    }

    @Sendable static func receive(req: Request) async throws -> Response {
        let system = try req.requirePartnerSystem()
        let code = try req.parameters.require("indicatorCode")
        guard system.indicatorCodes.contains(code) else {
            throw Abort(.forbidden, reason: "This token may not send values for the indicator \"\(code)\".")
        }
        let body: Body
        do {
            body = try req.content.decode(Body.self)
        } catch {
            return try await refused(["the body must be JSON: {\"values\": [{\"area\": …, \"period\": …, \"value\": …}, …]}"], req: req)
        }
        var problems: [IndicatorValuesSheet.Mistake] = []
        let records = body.values.enumerated().map { index, item in
            var fields: [IndicatorValuesSheet.Column: String] = [.indicator: code]
            for (key, field) in item {
                guard let column = IndicatorValuesSheet.Column(rawValue: key) else {
                    problems.append(
                        .init(
                            .item(index), column: key,
                            "not a field of a value; the fields are "
                                + IndicatorValuesSheet.Column.allCases.map(\.rawValue).joined(separator: ", ")))
                    continue
                }
                if column == .indicator, field.text != code {
                    problems.append(.init(.item(index), column: key, "\"\(field.text)\" is not the indicator in the address (\(code))"))
                }
                if column != .indicator { fields[column] = field.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            return IndicatorValuesSheet.Record(location: .item(index), fields: fields)
        }
        if records.isEmpty { problems.append(.init(.item(0), "the list of values is empty")) }
        guard problems.isEmpty else { return try await refused(problems.map(\.description), req: req) }
        let outcome = try await IndicatorValuesStore.upload(
            records, allowed: system.indicatorCodes, source: "Sent by \(system.name) (\(system.organisation))", author: system.auditName,
            by: req.auditActor, on: req.db)
        switch outcome {
        case .mistakes(let mistakes):
            return try await refused(mistakes.map(\.description), req: req)
        case .changes(let changes):
            return try await Accepted(added: changes.added, changed: changes.changed, unchanged: changes.unchanged, summary: changes.summary)
                .encodeResponse(for: req)
        }
    }

    private static func refused(_ problems: [String], req: Request) async throws -> Response {
        let response = try await Refused(error: "The values were not saved; nothing was changed.", problems: problems).encodeResponse(for: req)
        response.status = .unprocessableEntity
        return response
    }
}
