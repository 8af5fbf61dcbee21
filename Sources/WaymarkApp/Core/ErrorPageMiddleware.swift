import Vapor
import WaymarkUI
import WaymarkWeb

/// Turns every error into a page in the Waymark layout for browsers, or `{"error": "…"}` under /api.
/// Unexpected errors are logged with the request id; the person sees a plain message, never internals.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct APIError: Content { var error: String }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return await response(for: error, on: req)
        }
    }

    private func response(for error: any Error, on req: Request) async -> Response {
        let status: HTTPResponseStatus
        var reason: String?
        var headers = HTTPHeaders()
        if let abort = error as? any AbortError {
            status = abort.status
            headers = abort.headers
            // Vapor's default reason is the status phrase; only a reason written for people is shown.
            reason = abort.reason == status.reasonPhrase ? nil : abort.reason
        } else {
            status = .internalServerError
        }
        if status.code >= 500 {
            req.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))", "detail": "\(error)"])
            reason = nil
        }

        let response: Response
        if req.isAPI {
            let body = APIError(error: reason ?? status.reasonPhrase)
            response = Response(status: status, headers: headers)
            try? response.content.encode(body)
        } else {
            // A 404 has no route, so nobody looked at the session yet: look now so the page keeps its navigation.
            if req.signedIn == nil, case .active(let user, let session)? = try? await SessionStore.find(for: req) {
                req.signedIn = SignedIn(user: user, session: session)
            }
            let model = ErrorPage.Model.forStatus(Int(status.code), detail: reason)
            let html = ErrorPage.render(model, context: req.pageContext(model.title))
            headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
            headers.remove(name: .contentLength)
            response = Response(status: status, headers: headers, body: .init(string: html))
        }
        return response
    }
}
