using TokenMatch.Cli.Config;

namespace TokenMatch.Tests.Cli.Config;

/// <summary>
/// Reading a configuration: the example and the default read back equal, and each way a file can be
/// wrong (empty, not JSON, an unknown or repeated field, a value of the wrong kind, a null) is a
/// <see cref="ConfigException"/> naming the field and, for JSON errors, the line and position.
/// </summary>
public sealed class ConfigLoadTests
{
    private static ConfigException Refused(string json) => Assert.Throws<ConfigException>(() => ServeConfig.Parse(json))!;

    [Test]
    public void The_example_reads_back_as_the_default()
    {
        ServeConfig example = ServeConfig.Parse(ServeConfig.ExampleJson());
        Assert.That(example.ToJson(), Is.EqualTo(ServeConfig.Default.ToJson()));
        Assert.That(example.Validate(), Is.Empty);
    }

    [Test]
    public void The_default_round_trips_and_is_valid()
    {
        Assert.That(ServeConfig.Parse(ServeConfig.Default.ToJson()).ToJson(), Is.EqualTo(ServeConfig.Default.ToJson()));
        Assert.That(ServeConfig.Default.Validate(), Is.Empty);
    }

    [Test]
    public void An_empty_object_is_the_model_defaults()
    {
        ServeConfig config = ServeConfig.Parse("{ }");
        Assert.That(config.Listen.Port, Is.EqualTo(7340));
        Assert.That(config.Markets, Is.Empty);
    }

    [TestCase("")]
    [TestCase("   \n  ")]
    public void An_empty_file_says_so(string json)
    {
        ConfigException e = Refused(json);
        Assert.That(e.Message, Does.Contain("empty"));
    }

    [Test]
    public void A_null_document_is_refused() => Assert.That(Refused("null").Message, Does.Contain("JSON object"));

    [Test]
    public void A_list_instead_of_an_object_is_refused() => Assert.That(Refused("[1, 2]").Message, Does.Contain("expected a JSON object"));

    [Test]
    public void An_unknown_field_is_named_with_its_path_and_line()
    {
        ConfigException e = Refused("{\n  \"listen\": { \"port\": 1, \"prot\": 2 }\n}");
        Assert.That(e.Field, Is.EqualTo("listen.prot"));
        Assert.That(e.Message, Does.Contain("unknown field 'prot'").And.Contain("line 2").And.Contain("fields here: address, port"));
    }

    [Test]
    public void An_unknown_field_that_differs_in_case_gets_a_hint()
    {
        ConfigException e = Refused("{ \"Listen\": {} }");
        Assert.That(e.Field, Is.EqualTo("Listen"));
        Assert.That(e.Message, Does.Contain("did you mean 'listen'"));
    }

    [Test]
    public void An_unknown_field_deep_in_a_list_is_named_with_its_index()
    {
        ConfigException e = Refused("{ \"markets\": [ {}, { \"decay\": { \"kind\": \"sqrt\", \"flor\": 1 } } ] }");
        Assert.That(e.Field, Is.EqualTo("markets[1].decay.flor"));
    }

    [Test]
    public void A_value_of_the_wrong_kind_names_the_field_and_the_kind()
    {
        ConfigException e = Refused("{ \"markets\": [ { \"lotSize\": \"1000\" } ] }");
        Assert.That(e.Field, Is.EqualTo("markets[0].lotSize"));
        Assert.That(e.Message, Does.Contain("markets[0].lotSize: expected a whole number").And.Contain("line 1"));
    }

    [Test]
    public void A_fraction_where_a_whole_number_is_needed_is_refused() =>
        Assert.That(Refused("{ \"listen\": { \"port\": 80.5 } }").Message, Does.StartWith("listen.port: expected a whole number"));

    [Test]
    public void A_number_too_large_for_its_field_is_refused() =>
        Assert.That(Refused("{ \"listen\": { \"port\": 99999999999 } }").Field, Is.EqualTo("listen.port"));

    [Test]
    public void Text_where_an_object_is_needed_lists_the_fields() =>
        Assert.That(Refused("{ \"journal\": \"./data\" }").Message, Does.Contain("journal: expected an object { } with the fields directory, fsync, snapshotEveryCommands"));

    [Test]
    public void A_null_where_a_value_is_needed_is_refused()
    {
        ConfigException e = Refused("{ \"journal\": { \"directory\": null } }");
        Assert.That(e.Field, Is.EqualTo("journal.directory"));
        Assert.That(e.Message, Does.Contain("may not be null"));
    }

    [Test]
    public void A_null_where_null_is_allowed_is_read() =>
        Assert.That(ServeConfig.Parse("{ \"tls\": { \"certificateFile\": null }, \"keyFile\": null }").KeyFile, Is.Null);

    [Test]
    public void A_field_given_twice_is_refused() =>
        Assert.That(Refused("{ \"listen\": { \"port\": 1, \"port\": 2 } }").Message, Does.Contain("listen.port: given twice"));

    [Test]
    public void Malformed_json_gives_the_line_and_position()
    {
        ConfigException e = Refused("{\n  \"listen\": { \"port\": 1 },\n  \"journal\": { directory: \"x\" }\n}");
        Assert.That(e.Message, Does.Contain("JSON syntax error (line 3, position"));
    }

    [Test]
    public void An_unclosed_object_is_a_syntax_error() => Assert.That(Refused("{ \"listen\": { }").Message, Does.Contain("JSON syntax error"));

    [Test]
    public void Comments_and_trailing_commas_are_allowed() =>
        Assert.That(ServeConfig.Parse("// a comment\n{ /* here */ \"listen\": { \"port\": 9, }, }").Listen.Port, Is.EqualTo(9));

    [Test]
    public void Load_reads_a_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tokenmatch-config-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, ServeConfig.ExampleJson());
            Assert.That(ServeConfig.Load(path).ToJson(), Is.EqualTo(ServeConfig.Default.ToJson()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
