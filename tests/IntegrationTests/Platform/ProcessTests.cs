using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>
/// The built host run the way deployments run it: <c>dotnet CleanGames.WebApi.dll</c> from its
/// output folder, configured only through the environment, and stopped with SIGTERM.
/// </summary>
public sealed partial class ProcessTests
{
    [Fact]
    public async Task The_built_host_serves_from_its_output_folder_and_exits_0_within_10_s_of_SIGTERM()
    {
        var directory = Directory.CreateTempSubdirectory("cleangames-process-");
        try
        {
            using var server = StartHost(new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Jwt__SigningKey"] = "process-test-signing-key-0123456789-abcdefghijklmnopq",
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory.FullName, "app.db")}",
            }, out var output);

            var baseAddress = await WaitForAddressAsync(server, output);
            using var client = new HttpClient { BaseAddress = baseAddress };
            await WaitForReadyAsync(client);
            Assert.True(File.Exists(Path.Combine(directory.FullName, "app.db")));

            var stopwatch = Stopwatch.StartNew();
            SendSigterm(server.Id);
            var exited = server.WaitForExit(TimeSpan.FromSeconds(10));
            Assert.True(exited, "the host did not exit within 10 s of SIGTERM");
            Assert.Equal(0, server.ExitCode);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Production_without_a_signing_key_refuses_to_start_and_names_the_setting()
    {
        var directory = Directory.CreateTempSubdirectory("cleangames-process-");
        try
        {
            using var server = StartHost(new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Jwt__SigningKey"] = null,
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory.FullName, "app.db")}",
            }, out var output);

            Assert.True(await Task.Run(() => server.WaitForExit(TimeSpan.FromSeconds(30))), "the host kept running without Jwt:SigningKey");
            // Only the parameterless wait also waits for the redirected output to be read to the end.
            server.WaitForExit();
            Assert.NotEqual(0, server.ExitCode);
            Assert.Contains("Jwt:SigningKey", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_retired_admin_email_list_refuses_to_start_and_names_the_settings_that_replace_it()
    {
        var directory = Directory.CreateTempSubdirectory("cleangames-process-");
        try
        {
            using var server = StartHost(new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Jwt__SigningKey"] = "process-test-signing-key-0123456789-abcdefghijklmnopq",
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory.FullName, "app.db")}",
                ["Identity__AdminEmails__0"] = "boss@example.com",
            }, out var output);

            Assert.True(await Task.Run(() => server.WaitForExit(TimeSpan.FromSeconds(30))), "the host kept running with Identity:AdminEmails");
            server.WaitForExit();
            Assert.NotEqual(0, server.ExitCode);
            var text = output.ToString();
            Assert.Contains("Identity:AdminEmails is no longer supported", text, StringComparison.Ordinal);
            Assert.Contains("Identity:BootstrapAdmin:Email", text, StringComparison.Ordinal);
            Assert.Contains("Identity:BootstrapAdmin:Password", text, StringComparison.Ordinal);
            Assert.Contains("PUT /api/admin/accounts/{id}/roles", text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Process StartHost(Dictionary<string, string?> environment, out StringBuilder output)
    {
        var dll = LocateHostDll();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var log = new StringBuilder();
        output = log;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<Uri> WaitForAddressAsync(Process server, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            var match = ListeningPattern().Match(text);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            if (server.HasExited)
            {
                throw new InvalidOperationException("The host exited early:\n" + text);
            }

            await Task.Delay(100);
        }

        server.Kill(entireProcessTree: true);
        throw new TimeoutException("The host never said where it listens:\n" + output);
    }

    private static async Task WaitForReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The host did not become ready.");
            }

            await Task.Delay(100);
        }
    }

    private static void SendSigterm(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The WebApi's own build output (built with the tests, same configuration).</summary>
    private static string LocateHostDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CleanGames.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var dll = Path.Combine(root.FullName, "src", "WebApi", "bin", configuration, framework, "CleanGames.WebApi.dll");
        Assert.True(File.Exists(dll), $"Build the WebApi first: {dll} is missing.");
        return dll;
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex ListeningPattern();
}
