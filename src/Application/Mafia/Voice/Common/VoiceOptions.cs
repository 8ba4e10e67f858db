namespace CleanGames.Application.Mafia.Voice.Common;

/// <summary>
/// <c>Voice</c>: the external SFU (a LiveKit server, or anything that accepts LiveKit access tokens)
/// the players' clients connect to. Unset, voice answers 503; set partly or wrongly, the server does
/// not start (validated in Infrastructure).
/// </summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>The SFU's address the client connects to (returned as <c>url</c>), e.g. <c>wss://voice.example.com</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The SFU's API key: the tokens' <c>iss</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The SFU's API secret: the HS256 key the tokens are signed with (at least 32 bytes). Secret: environment only.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>How long a join token is valid for (1–60 minutes). It only gates the connection: a joined player stays until they leave.</summary>
    public int TokenMinutes { get; set; } = 10;

    /// <summary>Every key is set, so voice can work; with none set voice is off (503).</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(Url) && !string.IsNullOrEmpty(ApiKey) && !string.IsNullOrEmpty(ApiSecret);
}
