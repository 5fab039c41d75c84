import CCSLanguage

/// What the executable tells the REPL about its surroundings.
public struct ReplConfiguration {
    /// Requested by Ctrl-C while an evaluation runs. The executable hands the same object to
    /// the built-ins that wait or page (CCSCloud's session), so they stop too.
    public var interruption = Interruption()
    /// The environment (for the history path, NO_COLOR and TERM).
    public var environment: [String: String]
    /// The history file; nil keeps history in memory only.
    public var historyPath: String?
    /// How many history entries are kept.
    public var historyLimit = 1000
    /// How many items of a list a result shows before "... N more".
    public var maxItems = 20
    /// The version of ccs, for the banner.
    public var version = ""
    /// The account the session works in, when it is known without a request (the
    /// emulator's); the banner shows it.
    public var account: String?
    /// The lines `:env` prints: region, endpoint, credentials source and the like. Must
    /// never include a secret.
    public var environmentReport: () -> [(label: String, value: String)]

    public init(
        environment: [String: String], environmentReport: @escaping () -> [(label: String, value: String)]
    ) {
        self.environment = environment
        self.historyPath = HistoryFile.defaultPath(environment: environment)
        self.environmentReport = environmentReport
    }
}
