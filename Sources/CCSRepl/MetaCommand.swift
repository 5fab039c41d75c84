import Foundation

/// A REPL command starting with `:`.
enum MetaCommand: Equatable {
    case help(String?)
    case types(String?)
    case schema(String)
    case load(String)
    case save(String)
    case time(String)
    case env
    case all
    case quit

    /// Every command name, for `:help` and completion.
    static let allNames = ["all", "env", "help", "load", "quit", "save", "schema", "time", "types"]

    /// One line per command for `:help`.
    static let summary = """
        :help [NAME]     this list, or the documentation of the built-in or stdlib module NAME
        :types [TEXT]    resource type names (those containing TEXT, ignoring case: :types s3)
        :schema TYPE     the properties of TYPE, marked required (*), read-only, create-only, write-only
        :load FILE       run a .ccs file in this session (its names stay defined)
        :save FILE       write this session's successful inputs to FILE as a script
        :time EXPR       evaluate EXPR and show how long it took
        :env             region, endpoint and where credentials come from
        :all             show the last result in full (long lists are cut at the prompt)
        :quit            leave (Ctrl-D on an empty line too)
        """

    /// Parses `:name argument`; throws a message naming what is wrong.
    static func parse(_ line: String) throws -> MetaCommand {
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        let name = String(body.prefix { $0 != " " })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        let optional = argument.isEmpty ? nil : argument
        func required(_ what: String) throws -> String {
            guard let optional else { throw MetaCommandError(message: ":\(name) needs \(what) (see :help)") }
            return optional
        }
        switch name {
        case "help", "h", "?": return .help(optional)
        case "types": return .types(optional)
        case "schema": return .schema(try required("a type name, e.g. :schema AWS::Logs::LogGroup"))
        case "load": return .load(try required("a file name"))
        case "save": return .save(try required("a file name"))
        case "time": return .time(try required("an expression"))
        case "env": return .env
        case "all": return .all
        case "quit", "q", "exit": return .quit
        default: throw MetaCommandError(message: "unknown command ':\(name)' (:help lists the commands)")
        }
    }
}

/// A meta-command that could not be parsed or run.
struct MetaCommandError: Error {
    let message: String
}
