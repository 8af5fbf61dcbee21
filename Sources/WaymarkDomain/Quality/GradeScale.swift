import Foundation

/// The grades an audit is judged on, best first: Ofsted's four unless a council defines its own.
public struct GradeScale: Sendable, Equatable {
    public var grades: [String]
    /// Other ways the grades are written, lower-cased, each with its place ("ri" for "Requires improvement to be good").
    public var otherNames: [String: Int]

    public init(grades: [String], otherNames: [String: Int] = [:]) {
        self.grades = grades
        self.otherNames = otherNames
    }

    /// Ofsted's four judgements (the inspection framework for local authority children's services, ILACS).
    public static let ofsted = GradeScale(
        grades: ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"],
        otherNames: ["requires improvement": 2, "ri": 2])

    /// The place on the scale (0 for the first grade) of a grade written as its name (in any case), another name for
    /// it, or its number (1 for the first); nil when it is none of these.
    public func place(of text: String) -> Int? {
        let written = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(written), (1...grades.count).contains(number) { return number - 1 }
        return grades.firstIndex { $0.lowercased() == written } ?? otherNames[written]
    }

    /// "Outstanding, Good, Requires improvement to be good or Inadequate", for messages.
    public var inWords: String {
        grades.count == 1 ? grades[0] : grades.dropLast().joined(separator: ", ") + " or " + grades.last!
    }
}
