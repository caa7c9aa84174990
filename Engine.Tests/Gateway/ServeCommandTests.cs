using TokenMatch.Cli.Commands;

namespace TokenMatch.Tests.Gateway;

/// <summary><c>tokenmatch serve</c>'s refusals (the live server is exercised by <see cref="PythonClientTests"/>).</summary>
[CancelAfter(30_000)]
public sealed class ServeCommandTests
{
    [Test]
    public void A_missing_certificate_is_a_file_error_named_in_the_message()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ServeCommand.Run(0, new FileInfo(Path.GetTempFileName()), new FileInfo("/nonexistent/cert.pfx"), output, error);
        Assert.That(code, Is.EqualTo(TokenMatch.Cli.ExitCodes.FileError));
        Assert.That(error.ToString(), Does.Contain("certificate not found: /nonexistent/cert.pfx"));
        Assert.That(output.ToString(), Is.Empty, "no key printed");
    }

    [Test]
    public void An_unwritable_key_file_is_a_file_error_and_nothing_listens()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ServeCommand.Run(0, new FileInfo("/nonexistent-dir/provider.key"), null, output, error);
        Assert.That(code, Is.EqualTo(TokenMatch.Cli.ExitCodes.FileError));
        Assert.That(error.ToString(), Does.Contain("cannot write the key file"));
        Assert.That(output.ToString(), Is.Empty);
    }
}
