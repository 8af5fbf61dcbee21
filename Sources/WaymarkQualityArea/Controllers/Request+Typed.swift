import Vapor
import WaymarkDomain

extension Request {
    /// A form field as typed ("" when absent), cut one character past the longest any quality form takes, so the
    /// form's own check still says it is too long without holding a huge field.
    func typed(_ name: String) -> String {
        String(((try? content.get(String.self, at: name)) ?? "").prefix(CaseAuditResponse.longestText + 1))
    }
}
