import Foundation
import WaymarkDomain
import WaymarkSpreadsheet

/// Reads the XML form of an SSDA903 return (`EXPSSDA903`): one `CHILD` element per child holding its `HEADER`
/// (with reviews, missing episodes, adoption, permanence, OC2 and OC3 inside it) and its `EPISODE`s. Each part
/// becomes a row of the same table the CSV form has, so both forms import the same way.
public enum SSDA903XMLReader {
    /// - Parameter keepingEveryRow: keep rows whose dates do not parse (for the validation, which reports them).
    public static func read(_ data: Data, fileName: String, keepingEveryRow: Bool = false, limits: ReadLimits = .standard) -> SSDA903Return {
        var result = SSDA903Return()
        let root: XMLElement
        do {
            root = try XMLElement.parse(data, limits: limits)
        } catch {
            result.problems.append(
                ReturnProblem(
                    file: fileName, line: error.line, element: error.path,
                    "\(error.explanation); nothing in the file was imported",
                    effect: .fileRefused))
            return result
        }
        guard root.name == "EXPSSDA903" else {
            result.problems.append(
                ReturnProblem(
                    file: fileName, line: root.line, element: root.name,
                    "is not an SSDA903 return: its root element must be EXPSSDA903", effect: .fileRefused))
            return result
        }
        for (childIndex, child) in root.children("CHILD").enumerated() {
            let childPath = "EXPSSDA903/CHILD[\(childIndex + 1)]"
            let header = child.child("HEADER")
            var headerValues: [SSDA903Column: String] = [:]
            for element in header?.children ?? [] where groups[element.name] == nil {
                if let column = renamed[element.name] ?? SSDA903Column(rawValue: element.name) {
                    headerValues[column] = element.allText.trimmed
                }
            }
            func row(_ table: SSDA903Table, _ values: [SSDA903Column: String], line: Int, element: String) {
                // CHILD, DOB and SEX come from the header where a part of the XML leaves them out, as the CSV tables repeat them.
                // An optional column (the header's UASC status) is kept where the element is there, even empty.
                var full: [SSDA903Column: String] = [:]
                for column in table.columns { full[column] = values[column] ?? headerValues[column] ?? "" }
                for column in table.optionalColumns { full[column] = values[column] }
                result.add(SSDA903Row(table: table, values: full, file: fileName, line: line), element: element, keepingEveryRow: keepingEveryRow)
            }
            row(.header, headerValues, line: header?.line ?? child.line, element: childPath + "/HEADER")
            for (table, fields) in headerFields where fields.contains(where: { !(headerValues[$0] ?? "").isEmpty }) {
                row(table, headerValues, line: header?.line ?? child.line, element: childPath + "/HEADER")
            }
            let parts = (header?.children ?? []) + child.children
            var positions: [String: Int] = [:]
            for part in parts {
                guard let table = groups[part.name] else { continue }
                positions[part.name, default: 0] += 1
                var values: [SSDA903Column: String] = [:]
                for field in part.children {
                    if let column = renamed[field.name] ?? SSDA903Column(rawValue: field.name) {
                        values[column] = field.allText.trimmed
                    }
                }
                let inHeader = header?.children.contains { $0 === part } ?? false
                row(table, values, line: part.line, element: childPath + (inHeader ? "/HEADER" : "") + "/\(part.name)[\(positions[part.name]!)]")
            }
        }
        return result
    }

    /// Fields written straight inside HEADER that belong to tables other than the header's, in table order.
    static let headerFields: [(SSDA903Table, [SSDA903Column])] = [
        (.uasc, [.duc]),
        (.oc3, [.inTouch, .activity, .accommodation]),
        (.ad1, [.dateInterest, .dateMatch, .fosterCare, .numberOfAdopters, .sexOfAdopters, .legalStatusOfAdopters]),
    ]
    /// Elements that are each a row of their own table.
    static let groups: [String: SSDA903Table] = [
        "AREVIEW": .reviews, "AMISSING": .missing, "AD_PLACED": .placedForAdoption, "PERMANENCE": .previousPermanence, "OC2": .oc2,
        "EPISODE": .episodes, "ASWEPISODE": .socialWorkerEpisodes, "ADOLO": .dolo,
    ]
    /// XML element names that differ from the CSV column names.
    static let renamed: [String: SSDA903Column] = ["CHILDID": .child, "PL": .place]
}
