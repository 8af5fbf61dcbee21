import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

/// No markup survives from what people type, on any page: every form Waymark shows is sent back with a hostile string
/// in every field it lets people type in (so it is stored where it is taken and echoed where it is refused), every
/// search box and filter is given it, and then every page reachable from the home page is read as a system
/// administrator. Not one page may carry the string's markup, in its text or in any attribute.
@Suite("Attribute escaping on every page", .serialized)
struct AttributeEscapingTests {
    /// Ends a quoted attribute and opens an element; `h0stile` marks it.
    static let hostile = "h0stile\"'><b id=h0stile>"
    static let marker = "<b id=h0stile>"

    @Test("Hostile text in every field of every form and every filter leaves no markup on any page", arguments: TestDatabase.available)
    func noMarkupSurvives(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            _ = try await DemoLoading.generate(
                children: 40, seed: 7, madeOn: .today, engine: app.timescaleEngine, by: .commandLine,
                on: app.db)
            let admin = try await app.signIn(as: .systemAdmin)
            var crawl = Crawl(app: app, user: admin)
            try await crawl.visit(from: ["/", "/children/caseloads", "/admin/users", "/admin/api-tokens", "/admin/audit"])
            // Every form, sent back once with the hostile string in every field a person types in.
            for form in crawl.forms.values.sorted(by: { $0.action < $1.action }) {
                try await crawl.post(form)
            }
            // Evidence links that try to end their attribute are refused and echoed.
            if let action = crawl.forms.keys.first(where: { $0.hasPrefix("/plans/") && $0.contains("/actions/") }) {
                try await crawl.post(
                    Crawl.Form(
                        action: action,
                        fields: [
                            "commentary": "Progress", "status": "in-progress", "progress": "10", "rag": "green", "ragReason": "",
                            "evidence": "https://e.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
                        ], typed: []))
            }
            // Then every page again, now holding what was stored, and each with the string in every filter it reads.
            crawl.visited = []
            try await crawl.visit(from: [
                "/", "/children/caseloads", "/admin/users", "/admin/api-tokens", "/admin/audit",
                "/admin/organisations", "/admin/teams", "/admin/service-areas",
            ])
            #expect(crawl.pagesRead > 60, "only \(crawl.pagesRead) pages were read")
            #expect(crawl.formsSent > 10, "only \(crawl.formsSent) forms were sent")
            #expect(crawl.storedSomewhere, "the hostile string was stored nowhere, so no page showed it")
        }
    }
}

/// Follows links from page to page as one person, sending forms back and checking every answer.
struct Crawl {
    struct Form {
        var action: String
        /// Every field the form sends, with the value it would send as shown.
        var fields: [String: String]
        /// The fields a person types in (text, textarea, date, number…): these get the hostile string.
        var typed: Set<String>
    }

    let app: Application
    var user: SignedInUser
    var visited: Set<String> = []
    var forms: [String: Form] = [:]
    var pagesRead = 0, formsSent = 0
    var storedSomewhere = false
    /// Pages of the same shape (a child's, a team's) are many: a few of each are enough.
    var shapes: [String: Int] = [:]

    /// Filters and searches every page might read from its query.
    static let queryNames = [
        "q", "username", "action", "period", "on", "headers", "page", "status", "rag", "organisation", "partner", "kind",
        "year", "expired", "from", "to", "board", "owner",
    ]

    mutating func visit(from starts: [String]) async throws {
        var queue = starts
        while let path = queue.first {
            queue.removeFirst()
            guard !visited.contains(path) else { continue }
            visited.insert(path)
            let shape = path.replacingOccurrences(of: #"[0-9A-Fa-f-]{36}|\d+"#, with: "#", options: .regularExpression)
            shapes[shape, default: 0] += 1
            guard shapes[shape]! <= 3 else { continue }
            for variant in [
                path,
                path + (path.contains("?") ? "&" : "?")
                    + Self.queryNames.map { "\($0)=\(Self.encoded(AttributeEscapingTests.hostile))" }.joined(separator: "&"),
            ] {
                guard let body = try await get(variant) else { continue }
                pagesRead += 1
                if body.contains("h0stile") { storedSomewhere = storedSomewhere || variant == path }
                for link in Self.links(in: body) where !visited.contains(link) { queue.append(link) }
                for form in Self.forms(in: body) where forms[form.action] == nil { forms[form.action] = form }
            }
        }
    }

    mutating func post(_ form: Form) async throws {
        var fields = form.fields
        for name in form.typed { fields[name] = AttributeEscapingTests.hostile }
        fields["csrfToken"] = user.csrfToken
        var response: TestingHTTPResponse?
        try await app.testing().test(
            .POST, form.action, headers: HTTPHeaders.form().merging(user.headers),
            body: formBody(fields.sorted { $0.key < $1.key })
        ) { response = $0 }
        formsSent += 1
        if let response, response.headers.contentType == .html { Self.check(response.body.string, at: "POST \(form.action)") }
    }

    private func get(_ path: String) async throws -> String? {
        var body: String?
        try await app.testing().test(.GET, path, headers: user.headers) { res in
            guard res.headers.contentType == .html else { return }
            body = res.body.string
        }
        if let body { Self.check(body, at: "GET \(path)") }
        return body
    }

    /// The string's element must not be there, and no quote of it may stand inside a tag (where it would end an attribute).
    static func check(_ body: String, at place: String) {
        #expect(!body.contains(AttributeEscapingTests.marker), "markup survived on \(place)")
        for quote in ["h0stile\"", "h0stile'"] {
            var searchFrom = body.startIndex
            while let found = body.range(of: quote, range: searchFrom..<body.endIndex) {
                let before = body[..<found.lowerBound]
                let opened = before.lastIndex(of: "<"), closed = before.lastIndex(of: ">")
                let insideATag = opened.map { open in closed.map { $0 < open } ?? true } ?? false
                #expect(!insideATag, "a quote ended an attribute on \(place): …\(body[found.lowerBound...].prefix(60))")
                searchFrom = found.upperBound
            }
        }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// Links to other pages of Waymark's (not downloads, not the PDF, which needs a browser).
    static func links(in body: String) -> [String] {
        matches(#"href="(/[^"]*)""#, in: body).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
            .filter { !$0.hasPrefix("/assets") && !$0.contains("#") && ![".pdf", ".csv", ".xlsx", ".json"].contains(where: $0.hasSuffix) }
            .filter { !$0.contains("h0stile") }
    }

    /// The page's forms that post URL-encoded fields (not sign-out, nor the buttons that disable or revoke).
    static func forms(in body: String) -> [Form] {
        var found: [Form] = []
        for form in matches(#"(<form[^>]*method="post"[^>]*>[\s\S]*?</form>)"#, in: body) {
            guard let action = matches(#"action="([^"]*)""#, in: form).first, !form.contains("multipart/form-data"),
                !["/sign-out", "/disable", "/revoke"].contains(where: action.hasSuffix)
            else { continue }
            var fields: [String: String] = [:], typed: Set<String> = []
            for input in matches(#"(<input[^>]*>)"#, in: form) {
                guard let name = matches(#"name="([^"]*)""#, in: input).first else { continue }
                let type = matches(#"type="([^"]*)""#, in: input).first ?? "text"
                if ["checkbox", "radio"].contains(type), !input.contains("checked") { continue }
                fields[name] = matches(#"value="([^"]*)""#, in: input).first ?? ""
                if !["hidden", "checkbox", "radio", "submit", "password"].contains(type) { typed.insert(name) }
            }
            for name in matches(#"<textarea[^>]*name="([^"]*)""#, in: form) {
                fields[name] = ""
                typed.insert(name)
            }
            for select in matches(#"(<select[^>]*>[\s\S]*?</select>)"#, in: form) {
                guard let name = matches(#"name="([^"]*)""#, in: select).first else { continue }
                fields[name] = matches(#"<option[^>]*value="([^"]*)""#, in: select).first { !$0.isEmpty } ?? ""
            }
            found.append(Form(action: action.replacingOccurrences(of: "&amp;", with: "&"), fields: fields, typed: typed))
        }
        return found
    }

    /// The first capture group of each match.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
