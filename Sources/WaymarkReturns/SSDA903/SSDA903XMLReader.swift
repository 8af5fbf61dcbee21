import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the XML form of an SSDA903 return (`EXPSSDA903`): one `CHILD` element per child holding its `HEADER`
/// (with reviews, missing episodes, adoption, permanence, OC2 and OC3 inside it) and its `EPISODE`s. Each part
/// becomes a row of the same table the CSV form has, so both forms import the same way.
public enum SSDA903XMLReader {
    public static func read(_ data: Data, fileName: String) -> SSDA903Return {
        let builder = Builder(fileName: fileName)
        let parser = XMLParser(data: data)
        parser.delegate = builder
        let parsed = parser.parse()
        // Foundation's parser can reach the end of a cut-off file without an error: elements still open mean the
        // file stops part-way.
        guard parsed, builder.stack.isEmpty else {
            var result = SSDA903Return()
            let reason = parsed ? "the file ends before its elements are closed" : parser.parserError.map { ($0 as NSError).localizedDescription } ?? "it is not well-formed XML"
            result.problems.append(ReturnProblem(file: fileName, line: parser.lineNumber, element: builder.path,
                                                 "the XML stops being well formed here (\(reason)); nothing in the file was imported",
                                                 effect: .fileRefused))
            return result
        }
        return builder.result
    }

    /// The HEADER's direct fields by table, and the groups inside it that are rows of their own tables.
    static let headerFields: [SSDA903Table: [SSDA903Column]] = [
        .header: [.sex, .dob, .ethnic, .upn, .mother, .motherChildDOB],
        .uasc: [.duc],
        .oc3: [.inTouch, .activity, .accommodation],
        .ad1: [.dateInterest, .dateMatch, .fosterCare, .numberOfAdopters, .sexOfAdopters, .legalStatusOfAdopters],
    ]
    static let groups: [String: SSDA903Table] = [
        "AREVIEW": .reviews, "AMISSING": .missing, "AD_PLACED": .placedForAdoption, "PERMANENCE": .previousPermanence, "OC2": .oc2,
        "EPISODE": .episodes, "ASWEPISODE": .socialWorkerEpisodes, "ADOLO": .dolo,
    ]
    /// XML element names that differ from the CSV column names.
    static let renamed: [String: SSDA903Column] = ["CHILDID": .child, "PL": .place]

    private final class Builder: NSObject, XMLParserDelegate {
        let fileName: String
        var result = SSDA903Return()
        var stack: [(name: String, index: Int)] = []
        var counts: [[String: Int]] = [[:]]
        var text = ""
        var childLine = 0
        var header: [SSDA903Column: String] = [:]
        var group: (table: SSDA903Table, values: [SSDA903Column: String], line: Int, path: String)?
        var groupRows: [(table: SSDA903Table, values: [SSDA903Column: String], line: Int, path: String)] = []

        init(fileName: String) { self.fileName = fileName }

        var path: String { stack.map { $0.index > 1 || ["CHILD", "EPISODE", "AREVIEW", "AMISSING", "AD_PLACED"].contains($0.name) ? "\($0.name)[\($0.index)]" : $0.name }.joined(separator: "/") }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let index = (counts[counts.count - 1][name] ?? 0) + 1
            counts[counts.count - 1][name] = index
            stack.append((name, index))
            counts.append([:])
            text = ""
            if name == "CHILD" {
                childLine = parser.lineNumber
                header = [:]
                groupRows = []
            } else if let table = SSDA903XMLReader.groups[name] {
                group = (table, [:], parser.lineNumber, path)
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            text = ""
            defer {
                stack.removeLast()
                counts.removeLast()
            }
            if name == "CHILD" {
                emitChild()
            } else if let table = SSDA903XMLReader.groups[name], let open = group, open.table == table {
                groupRows.append(open)
                group = nil
            } else if let column = SSDA903XMLReader.renamed[name] ?? SSDA903Column(rawValue: name) {
                if group != nil { group!.values[column] = value } else if stack.dropLast().last?.name == "HEADER" { header[column] = value }
            }
        }

        /// One child's rows, each table's columns filled from the header where the XML leaves them out (CHILD, DOB, SEX).
        func emitChild() {
            let childPath = "EXPSSDA903/CHILD[\(stack.last!.index)]"
            func row(_ table: SSDA903Table, _ values: [SSDA903Column: String], line: Int, element: String) {
                var full: [SSDA903Column: String] = [:]
                for column in table.columns { full[column] = values[column] ?? header[column] ?? "" }
                result.add(SSDA903Row(table: table, values: full, file: fileName, line: line), element: element)
            }
            row(.header, header, line: childLine, element: childPath)
            for (table, fields) in SSDA903XMLReader.headerFields where table != .header {
                if fields.contains(where: { !(header[$0] ?? "").isEmpty }) { row(table, header, line: childLine, element: childPath + "/HEADER") }
            }
            for group in groupRows { row(group.table, group.values, line: group.line, element: group.path) }
        }
    }
}
