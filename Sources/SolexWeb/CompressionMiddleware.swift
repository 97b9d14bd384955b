import CompressNIO
import Hummingbird
import NIOCore

/// Sends downloads, the JSON API, style sheets and scripts gzip-compressed to clients that accept it: a report's CSV
/// export of 9.5 MB travels as 1.4 MB, which matters on the slow links many users are on.
///
/// HTML pages are never compressed: they carry the CSRF token next to text the reader typed, and compressing a
/// secret with text an attacker chooses lets the compressed size reveal it (the BREACH attack). The responses this
/// middleware compresses hold no secret: files, exports and API documents.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Smaller bodies fit in one packet anyway.
    static var minimumSize: Int { 1_400 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard Self.isCompressible(path: request.uri.path, headers: response.headers) else { return response }
        // The response differs by Accept-Encoding from here on, whether or not this one is compressed.
        response.headers[values: .vary] += ["Accept-Encoding"]
        guard request.method == .get, request.headers[.range] == nil, response.status == .ok,
              response.headers[.contentEncoding] == nil, Self.acceptsGzip(request.headers[values: .acceptEncoding]) else {
            return response
        }
        var body = try await Self.collect(response.body)
        guard body.readableBytes >= Self.minimumSize else {
            response.body = ResponseBody(byteBuffer: body)
            return response
        }
        let compressed = try body.compress(with: .gzip())
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = String(compressed.readableBytes)
        response.body = ResponseBody(byteBuffer: compressed)
        return response
    }

    /// A download (`Content-Disposition: attachment`), a JSON API document, or a style sheet, script or SVG file.
    static func isCompressible(path: String, headers: HTTPFields) -> Bool {
        if headers[.contentDisposition]?.lowercased().hasPrefix("attachment") == true { return true }
        let type = (headers[.contentType] ?? "").lowercased()
        if path.hasPrefix("/api/") { return type.hasPrefix("application/json") || type.hasPrefix("application/problem+json") }
        return ["text/css", "text/javascript", "application/javascript", "image/svg+xml"].contains { type.hasPrefix($0) }
    }

    /// Whether `Accept-Encoding` allows gzip: named without `q=0`, or not named and `*` allowed.
    static func acceptsGzip(_ values: [String]) -> Bool {
        var qualities: [String: Double] = [:]
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.map { Double($0.dropFirst(2)) ?? 0 } ?? 1
            qualities[coding] = quality
        }
        return (qualities["gzip"] ?? qualities["*"] ?? 0) > 0
    }

    /// The whole body in one buffer.
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collected = CollectedBody()
        try await body.write(CollectingWriter(collected: collected))
        return collected.buffer
    }
}

/// Where `CollectingWriter` puts what it is given (the writer itself is consumed by `ResponseBody.write`).
private final class CollectedBody: @unchecked Sendable {
    var buffer = ByteBuffer()
}

/// A body writer that keeps the body instead of sending it.
private struct CollectingWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collected.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
