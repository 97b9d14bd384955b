import Foundation

/// Reads a `multipart/form-data` body (RFC 7578) into `FormData`: each part's `name` with its content as text, a
/// file's content included (a workshop file is JSON text). Parts without a name are dropped; a body that is not
/// well formed gives the parts read before the fault.
extension FormData {
    /// The boundary of a `multipart/form-data` content type, or nil for another type.
    static func multipartBoundary(_ contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// Parses the parts of a multipart body.
    init(multipart body: [UInt8], boundary: String) {
        pairs = []
        let delimiter = Array("--\(boundary)".utf8)
        var position = Self.find(delimiter, in: body, from: 0)
        while var start = position {
            start += delimiter.count
            // "--" after the delimiter ends the body.
            if body.count >= start + 2, body[start] == UInt8(ascii: "-"), body[start + 1] == UInt8(ascii: "-") { return }
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: start),
                  let next = Self.find(Array("\r\n".utf8) + delimiter, in: body, from: headerEnd + 4) else { return }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            if let name = Self.partName(headers) {
                pairs.append((name, String(decoding: body[(headerEnd + 4)..<next], as: UTF8.self)))
            }
            position = next + 2
        }
    }

    /// The `name` parameter of a part's Content-Disposition header.
    private static func partName(_ headers: String) -> String? {
        for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2, pair[0].lowercased() == "name" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
