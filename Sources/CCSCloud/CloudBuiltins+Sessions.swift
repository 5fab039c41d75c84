import CCSLanguage

extension CloudBuiltins {
    static func registerSessions(into registry: BuiltinRegistry, session: CloudSession) {
        registry.register(
            Builtin(
                "aws", minArity: 0, maxArity: 1,
                doc: """
                    aws([opts]) -> session
                    A session in another region, profile or role: opts region, profile, role_arn, external_id, session_name, duration, endpoint_url. Its methods are the Cloud Control built-ins (s.list(T), s.get(T, id), ...); s.region, s.account, s.identity.
                    """
            ) { args, _ in
                let options = try SessionOptions(args, 0)
                guard let derive = session.derive else {
                    throw CloudErrors.local("SessionsUnavailable", "aws: this host cannot make new sessions")
                }
                let made: CloudSession
                do {
                    made = try derive(options)
                } catch let error as ScriptError {
                    throw error
                } catch {
                    throw CloudErrors.api(error, in: "aws")
                }
                return .object(SessionValue(session: made))
            })
    }
}
