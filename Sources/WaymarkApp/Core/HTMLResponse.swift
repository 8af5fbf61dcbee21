import Vapor

extension Response {
    /// A rendered page. Pages with personal data must not be kept by shared caches or the browser's back cache.
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
