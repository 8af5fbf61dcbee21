import FluentKit
import Foundation
import SQLKit
import WaymarkDomain

/// Indicator values in and out of the database in the values table's terms: what is stored for some indicators,
/// writing a set of changes, and checking and applying an upload in one transaction.
package enum IndicatorValuesStore {
    /// The indicators and areas an upload is checked against, and what is stored for the indicators it names.
    package struct Snapshot {
        package var indicators: [String: Indicator]
        package var areas: [String: ReportingArea]
        package var stored: IndicatorValuesUpload.Stored

        package var definitions: [String: IndicatorValuesUpload.Definition] {
            indicators.mapValues { .init(unit: $0.unit, periodType: $0.periodType, polarity: $0.polarity) }
        }
        var areaKinds: [String: PlanFile.Area.Kind] { areas.mapValues(\.kind) }

        /// The borough first, then wards, hubs and comparators, each by name.
        package var areaOrder: [String] {
            let kinds: [PlanFile.Area.Kind] = [.borough, .ward, .hub, .comparator]
            return areas.values.sorted { (kinds.firstIndex(of: $0.kind)!, $0.name) < (kinds.firstIndex(of: $1.kind)!, $1.name) }.map(\.name)
        }

        package func table() -> [[String]] {
            stored.sheetRows(definitions: definitions, areas: areaKinds, areaOrder: areaOrder)
        }
    }

    private struct StoredValueRow: Decodable {
        var indicatorID: UUID, areaID: UUID, period: String, value: Double
        var count: Double?, denominator: Double?, lower: Double?, upper: Double?, status: ValueStatus, source: String?
        enum CodingKeys: String, CodingKey {
            case period, value, count, denominator, lower, upper, status, source
            case indicatorID = "indicator_id", areaID = "area_id"
        }
    }

    /// Every indicator and area, and the stored values, targets and commentary of the indicators with these codes.
    package static func snapshot(codes: Set<String>, on db: any Database) async throws -> Snapshot {
        let indicators = try await Indicator.query(on: db).all()
        let areas = try await ReportingArea.query(on: db).all()
        let wanted = indicators.filter { codes.contains($0.code) }
        let codeByID = Dictionary(uniqueKeysWithValues: wanted.map { ($0.id!, $0.code) })
        let areaNameByID = Dictionary(uniqueKeysWithValues: areas.map { ($0.id!, $0.name) })
        var stored = IndicatorValuesUpload.Stored()
        if !wanted.isEmpty {
            let ids = Array(codeByID.keys)
            let values = try await (db as! any SQLDatabase).select()
                .columns("indicator_id", "area_id", "period", "value", "count", "denominator", "lower", "upper", "status", "source")
                .from(IndicatorValue.schema).where("indicator_id", .in, ids).all(decoding: StoredValueRow.self)
            for row in values {
                guard let code = codeByID[row.indicatorID], let area = areaNameByID[row.areaID] else { continue }
                stored.values[.init(indicator: code, area: area, period: row.period)] = .init(
                    value: row.value, count: row.count, denominator: row.denominator, lower: row.lower, upper: row.upper,
                    status: row.status, source: row.source)
            }
            for target in try await IndicatorTarget.query(on: db).filter(\.$indicatorID ~~ ids).all() {
                stored.targets[.init(indicator: codeByID[target.indicatorID]!, period: target.period)] = .init(
                    value: target.value, origin: target.origin)
            }
            for commentary in try await IndicatorCommentary.query(on: db).filter(\.$indicatorID ~~ ids).all() {
                stored.commentaries[.init(indicator: codeByID[commentary.indicatorID]!, period: commentary.period)] = .init(
                    story: commentary.story, partners: commentary.partners, whatWorks: commentary.whatWorks, actionPlan: commentary.actionPlan)
            }
        }
        return Snapshot(
            indicators: Dictionary(uniqueKeysWithValues: indicators.map { ($0.code, $0) }),
            areas: Dictionary(uniqueKeysWithValues: areas.map { ($0.name, $0) }), stored: stored)
    }

    /// Writes the changes (each value, target and commentary replacing the stored one for its key). Call inside a
    /// transaction, with the audit line.
    package static func apply(_ changes: IndicatorValuesUpload.Changes, in snapshot: Snapshot, author: String, on db: any Database) async throws {
        func indicatorID(_ code: String) throws -> UUID { try snapshot.indicators[code]!.requireID() }
        for (key, value) in changes.values {
            let indicatorID = try indicatorID(key.indicator), areaID = try snapshot.areas[key.area]!.requireID()
            let stored =
                try await IndicatorValue.query(on: db).filter(\.$indicatorID == indicatorID).filter(\.$areaID == areaID)
                .filter(\.$period == key.period).first() ?? IndicatorValue()
            stored.indicatorID = indicatorID
            stored.areaID = areaID
            stored.period = key.period
            stored.periodEnd = ReportingPeriod(key.period, type: snapshot.indicators[key.indicator]!.periodType)!.ends.description
            stored.value = value.value
            stored.count = value.count
            stored.denominator = value.denominator
            stored.lower = value.lower
            stored.upper = value.upper
            stored.status = value.status
            stored.source = value.source
            try await stored.save(on: db)
        }
        for (key, target) in changes.targets {
            let indicatorID = try indicatorID(key.indicator)
            let stored =
                try await IndicatorTarget.query(on: db).filter(\.$indicatorID == indicatorID).filter(\.$period == key.period).first()
                ?? IndicatorTarget()
            stored.indicatorID = indicatorID
            stored.period = key.period
            stored.value = target.value
            stored.origin = target.origin
            try await stored.save(on: db)
        }
        for (key, commentary) in changes.commentaries {
            let indicatorID = try indicatorID(key.indicator)
            let stored =
                try await IndicatorCommentary.query(on: db).filter(\.$indicatorID == indicatorID).filter(\.$period == key.period).first()
                ?? IndicatorCommentary()
            stored.indicatorID = indicatorID
            stored.period = key.period
            stored.story = commentary.story
            stored.partners = commentary.partners
            stored.whatWorks = commentary.whatWorks
            stored.actionPlan = commentary.actionPlan
            stored.authorName = author
            stored.writtenAt = Date()
            try await stored.save(on: db)
        }
    }

    /// Checks the records and, if every one is right, applies them with one audit line per indicator changed, all in
    /// one transaction. `allowed` narrows which indicators may be changed (a partner system's token), and then no
    /// comparator's values may be.
    package static func upload(
        _ records: [IndicatorValuesSheet.Record], allowed: Set<String>? = nil, source: String, author: String,
        by actor: AuditTrail.Actor, on db: any Database
    ) async throws -> IndicatorValuesUpload.Outcome {
        let codes = Set(records.compactMap { $0.fields[.indicator] })
        if let allowed {
            let refused = records.filter { record in record.fields[.indicator].map { !allowed.contains($0) && !$0.isEmpty } ?? false }
            if !refused.isEmpty {
                return .mistakes(
                    refused.map {
                        .init(
                            $0.location, column: IndicatorValuesSheet.Column.indicator.rawValue,
                            "this token may not send values for \"\($0.fields[.indicator]!)\"")
                    })
            }
        }
        return try await db.transaction { db in
            let snapshot = try await snapshot(codes: codes, on: db)
            // A partner system sends the borough's own series (and its wards' and hubs'); comparators such as England are
            // published figures, entered by the council's own people.
            if allowed != nil {
                let comparators = records.filter { record in record.fields[.area].flatMap { snapshot.areaKinds[$0] } == .comparator }
                if !comparators.isEmpty {
                    return .mistakes(
                        comparators.map {
                            .init(
                                $0.location, column: IndicatorValuesSheet.Column.area.rawValue,
                                "\"\($0.fields[.area]!)\" is a comparator: a partner system sends only the borough's own figures")
                        })
                }
            }
            let upload = IndicatorValuesUpload(
                definitions: snapshot.definitions, areas: snapshot.areaKinds, stored: snapshot.stored,
                defaultSource: source)
            let outcome = upload.check(records)
            guard case .changes(let changes) = outcome, !changes.isEmpty else { return outcome }
            try await apply(changes, in: snapshot, author: author, on: db)
            let changed = Set(changes.values.keys.map(\.indicator)).union(changes.targets.keys.map(\.indicator)).union(
                changes.commentaries.keys.map(\.indicator))
            for code in changed.sorted() {
                try await AuditTrail.record(
                    .importFile, recordType: .indicator, recordID: code, detail: "\(source): \(changes.summary)", by: actor, on: db)
            }
            return outcome
        }
    }
}
