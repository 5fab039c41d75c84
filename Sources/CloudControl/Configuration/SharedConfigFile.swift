/// One parsed INI file in the AWS shared-configuration format (`~/.aws/config` or
/// `~/.aws/credentials`): `[section]` headers, `key = value` lines, `#`/`;` comment lines, and
/// nested keys (a key with an empty value followed by indented `subkey = value` lines, as in
/// `[services NAME]` → `cloudcontrol =` → `  endpoint_url = …`).
///
/// Keys are lowercased (as botocore's configparser does); section names are kept, with runs
/// of whitespace collapsed (`[profile   dev]` is `profile dev`). A section repeated later in
/// the file adds to the earlier one. Neither `description` nor the mirror shows values: the
/// credentials file holds secrets.
public struct SharedConfigFile: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The keys of one `[section]`.
    public struct Section: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
        public var values: [String: String] = [:]
        /// Nested keys, by the name of their parent key (e.g. `cloudcontrol`).
        public var subsections: [String: [String: String]] = [:]

        public init(values: [String: String] = [:], subsections: [String: [String: String]] = [:]) {
            self.values = values
            self.subsections = subsections
        }

        public var description: String {
            "Section(keys: \(values.keys.sorted()), subsections: \(subsections.keys.sorted()))"
        }

        public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
    }

    /// The sections by normalized header text, e.g. `default`, `profile dev`, `services local`.
    public private(set) var sections: [String: Section]

    /// A file with no sections, for a file that does not exist.
    public static let empty = SharedConfigFile(sections: [:])

    public init(sections: [String: Section]) {
        self.sections = sections
    }

    /// Parses `text`; `path` is only used in error messages.
    public init(parsing text: String, path: String) throws(ConfigurationError) {
        var sections: [String: Section] = [:]
        var current: String?
        var lastKey: String?
        var lineNumber = 0
        func fail(_ why: String) -> ConfigurationError {
            ConfigurationError(
                .malformedFile, "Unable to parse config file \(path), line \(lineNumber): \(why)")
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            lineNumber += 1
            let line = rawLine.trimmedForConfig()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let indented = rawLine.first == " " || rawLine.first == "\t"
            if line.hasPrefix("[") && !indented {
                // Like configparser, text after the closing bracket is ignored ("[dev] # note").
                guard let close = line.lastIndex(of: "]") else {
                    throw fail("a section header must look like [name]")
                }
                let name = line[line.index(after: line.startIndex)..<close]
                    .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
                guard !name.isEmpty else { throw fail("the section header has no name") }
                current = name
                lastKey = nil
                if sections[name] == nil { sections[name] = Section() }
                continue
            }
            guard let section = current else { throw fail("a setting appears before any [section] header") }
            guard let (key, value) = Self.splitAssignment(line) else {
                // Values are not echoed: this may be the credentials file.
                throw fail("expected 'key = value'")
            }
            if indented, let parent = lastKey, sections[section]?.values[parent] == "" {
                sections[section]?.subsections[parent, default: [:]][key] = value
                continue
            }
            guard !key.isEmpty else { throw fail("the setting has no name before '='") }
            sections[section]?.values[key] = value
            lastKey = key
        }
        self.sections = sections
    }

    /// `key = value` or `key: value`, split at whichever delimiter comes first.
    private static func splitAssignment(_ line: String) -> (String, String)? {
        guard let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = line[..<delimiter].trimmedForConfig().lowercased()
        let value = line[line.index(after: delimiter)...].trimmedForConfig()
        return (key, value)
    }

    public var description: String {
        "SharedConfigFile(sections: \(sections.keys.sorted()))"
    }

    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns (CRLF files).
    func trimmedForConfig() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
