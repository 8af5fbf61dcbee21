import FluentKit
import Foundation
import WaymarkDomain
import WaymarkReturns

extension JourneyReading {
    /// The records of the kinds asked for, by the child's id as the database writes it as text: every child's, or
    /// those a condition picks (`condition`, ending "AND"). Only what the measures, lists and trackers read: no
    /// source file and line, and the fields' JSON only for the kinds whose fields they read (the JSON is most of a
    /// record's bytes). Each child's records in one order, by kind and key, whatever order the store keeps them in:
    /// the same records then always give the same figures, on either database.
    ///
    /// The database hands over one row a child, each column a list of the child's values (`ChildRecordsText`):
    /// making a row cost the drivers more than a microsecond, half the time of reading every child's records row by
    /// row. SQLite reads them from the index by child (`JourneyEvent.byChildIndex`), which holds every column but the
    /// fields, a seventh of the table's bytes, and so groups them without sorting.
    static func leanRecords(
        kinds: [JourneyKind], withFields: Set<JourneyKind>, localIDs: [String: String], condition: String = "",
        on db: any Database
    ) async throws -> [String: [JourneyRecord]] {
        let sqlite = TextRows.isSQLite(db)
        let fields = fieldsColumn(withFields)
        let listed = { (column: String, separator: String) in
            sqlite ? "group_concat(\(column), \(separator))" : "string_agg(\(column), \(separator))"
        }
        let apart = sqlite ? "char(31)" : "chr(31)"
        let read = ChildRecordsText.Reading(kinds: kinds, localIDs: localIDs)
        try await TextRows.forEach(
            """
            SELECT CAST(e.child_id AS TEXT), \(listed(ChildRecordsText.kindLetter(kinds), "''")), \(listed("e.natural_key", apart)),
                \(listed("COALESCE(e.starts, '')", apart)), \(listed("COALESCE(e.ends, '')", apart)), \(listed(fields, apart))
            FROM \(JourneyEvent.schema) e\(sqlite ? " INDEXED BY \(JourneyEvent.byChildIndex)" : "")
            WHERE \(condition) e.kind IN (\(TextRows.literals(kinds.map(\.rawValue)))) GROUP BY e.child_id
            """, on: db
        ) { read.add($0) }
        var records = read.records
        if !read.unreadable.isEmpty {
            records.merge(
                try await rowByRow(
                    kinds: kinds, withFields: withFields, localIDs: localIDs,
                    condition: "e.child_id IN (\(TextRows.literals(read.unreadable))) AND", on: db)
            ) { _, again in again }
        }
        return records.mapValues(ChildRecordsText.inOrder)
    }

    /// The same, a row a record: for the few children whose lists cannot be told apart (a key holding the separator).
    private static func rowByRow(
        kinds: [JourneyKind], withFields: Set<JourneyKind>, localIDs: [String: String], condition: String,
        on db: any Database
    ) async throws -> [String: [JourneyRecord]] {
        let rows = try await TextRows.read(
            """
            SELECT CAST(e.child_id AS TEXT), e.kind, e.natural_key, e.starts, e.ends, \(fieldsColumn(withFields)) FROM \(JourneyEvent.schema) e
            WHERE \(condition) e.kind IN (\(TextRows.literals(kinds.map(\.rawValue))))
            """, on: db)
        var records: [String: [JourneyRecord]] = [:]
        for row in rows {
            guard let child = row[0], let kind = row[1] else { continue }
            records[child, default: []].append(
                JourneyRecord(
                    stored: localIDs[child] ?? "", kind: kind, naturalKey: row[2] ?? "",
                    starts: row[3], ends: row[4], fields: row[5] ?? ""))
        }
        return records
    }

    /// The fields' JSON of the kinds whose fields are read, and nothing of the others.
    private static func fieldsColumn(_ withFields: Set<JourneyKind>) -> String {
        withFields.isEmpty ? "''" : "CASE WHEN e.kind IN (\(TextRows.literals(withFields.map(\.rawValue)))) THEN e.fields ELSE '' END"
    }
}

/// A child's records as one row of lists (`JourneyReading.leanRecords`): a letter a record for its kind, then the
/// keys, starts, ends and fields, each list's values apart by the unit separator (U+001F). The fields' JSON always
/// escapes it; a key or day holding it makes its list one value too long, and the child is read again a record a row.
enum ChildRecordsText {
    /// The letters that stand for the kinds asked for, in order.
    package static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// SQL giving each record's kind as its letter.
    static func kindLetter(_ kinds: [JourneyKind]) -> String {
        precondition(kinds.count <= letters.count, "more kinds than letters to stand for them")
        return "CASE e.kind "
            + kinds.enumerated().map { "WHEN '\($1.rawValue)' THEN '\(Character(Unicode.Scalar(letters[$0])))'" }
            .joined(separator: " ") + " END"
    }

    /// A child's records as a list, in order of kind and key.
    package static func inOrder(_ records: [JourneyRecord]) -> [JourneyRecord] {
        func before(_ first: JourneyRecord, _ second: JourneyRecord) -> Bool {
            (first.kind.rawValue, first.naturalKey) < (second.kind.rawValue, second.naturalKey)
        }
        return zip(records, records.dropFirst()).allSatisfy { !before($1, $0) } ? records : records.sorted(by: before)
    }

    /// The children's records made from their rows as the driver hands them over, one after another.
    package final class Reading: @unchecked Sendable {
        private let kinds: [JourneyKind?]
        private let localIDs: [String: String]
        private(set) var records: [String: [JourneyRecord]] = [:]
        /// Children whose lists do not hold as many values as they have records: to be read again row by row.
        private(set) var unreadable: [String] = []

        package init(kinds: [JourneyKind], localIDs: [String: String]) {
            var byLetter = [JourneyKind?](repeating: nil, count: 128)
            for (index, kind) in kinds.enumerated() { byLetter[Int(ChildRecordsText.letters[index])] = kind }
            self.kinds = byLetter
            self.localIDs = localIDs
        }

        package func add(_ row: [String?]) {
            guard let child = row[0], let letters = row[1] else { return }
            if let made = ChildRecordsText.records(
                localID: localIDs[child] ?? "", letters: letters, kinds: kinds,
                lists: (row[2] ?? "", row[3] ?? "", row[4] ?? "", row[5] ?? ""))
            {
                records[child] = made
            } else {
                unreadable.append(child)
            }
        }
    }

    /// The records in a child's lists, or nil when a list does not hold one value a record.
    /// - Parameter kinds: the kind each letter stands for, by the letter's code.
    package static func records(
        localID: String, letters: String, kinds: [JourneyKind?],
        lists: (keys: String, starts: String, ends: String, fields: String)
    ) -> [JourneyRecord]? {
        let count = letters.utf8.count
        let keys = Array(lists.keys.utf8), starts = Array(lists.starts.utf8), ends = Array(lists.ends.utf8), fields = Array(lists.fields.utf8)
        guard let keyAt = values(keys, count: count), let startAt = values(starts, count: count), let endAt = values(ends, count: count),
            let fieldsAt = values(fields, count: count)
        else { return nil }
        var records: [JourneyRecord] = []
        records.reserveCapacity(count)
        for (index, letter) in letters.utf8.enumerated() {
            guard letter < 128, let kind = kinds[Int(letter)] else { return nil }
            records.append(
                JourneyRecord(
                    childLocalID: localID, kind: kind, naturalKey: String(decoding: keys[keyAt[index]], as: UTF8.self),
                    starts: ISODay(utf8: starts[startAt[index]]), ends: ISODay(utf8: ends[endAt[index]]),
                    fields: fieldsAt[index].isEmpty ? [:] : FieldsJSON.decode(utf8: fields[fieldsAt[index]]),
                    sourceFile: "", sourceLine: 0))
        }
        return records
    }

    /// Where each value of a list lies, or nil when the list does not hold `count` of them.
    package static func values(_ list: [UInt8], count: Int) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        var start = 0
        list.withUnsafeBufferPointer { bytes in
            for index in bytes.indices where bytes[index] == 0x1F {
                ranges.append(start..<index)
                start = index + 1
            }
        }
        ranges.append(start..<list.count)
        return ranges.count == count ? ranges : nil
    }
}
