import Vapor

extension Request {
    /// A form field as typed ("" when absent), cut one character past the longest text a form takes (4,000 characters:
    /// `CaseAuditResponse.longestText`, `SupervisionSessionForm.longestText`), so the form's own check still says it is
    /// too long without holding a huge field.
    package func typed(_ name: String) -> String {
        String(((try? content.get(String.self, at: name)) ?? "").prefix(4_001))
    }
}
