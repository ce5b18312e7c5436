using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Web;

/// <summary>
/// A real headless Chromium (Debian's <c>chromium</c> and <c>chromium-driver</c>) with its own empty
/// profile, driven through ChromeDriver. Screenshots go to <c>artifacts/screenshots</c> in the checkout.
/// </summary>
public sealed class Browser : IDisposable
{
    private const string InstallHint = "apt-get install chromium chromium-driver, or run bash .ci/run";
    private readonly TestDirectory _profile = new();
    private readonly ChromeDriver _driver;
    private readonly Uri _server;

    public Browser(Uri server)
    {
        _server = server;
        if (!File.Exists("/usr/bin/chromium") || !File.Exists("/usr/bin/chromedriver"))
            throw new InvalidOperationException("The web interface tests need Chromium and ChromeDriver: " + InstallHint);
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        // No sandbox (tests may run as root), and nothing that reaches for the network: this machine has none.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900", $"--user-data-dir={_profile.Path}");
        _driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
    }

    public IWebDriver Driver => _driver;

    /// <summary>Opens a path of the registry.</summary>
    public void Open(string path) => _driver.Navigate().GoToUrl(new Uri(_server, path));

    public IWebElement Find(string css) => Wait().Until(d => d.FindElement(By.CssSelector(css)));

    public string Text(string css) => Find(css).Text;

    /// <summary>
    /// The text of <paramref name="css"/> once it contains <paramref name="expected"/> (after a form's
    /// redirect has loaded the new page); fails after the wait with the last text seen.
    /// </summary>
    public string TextOnceItContains(string css, string expected)
    {
        var last = "";
        try
        {
            return Wait().Until(d =>
            {
                last = d.FindElements(By.CssSelector(css)).FirstOrDefault()?.Text ?? "";
                return last.Contains(expected, StringComparison.Ordinal) ? last : null;
            })!;
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"'{css}' never contained '{expected}'; last seen: '{last}'");
            throw;
        }
    }

    public void Fill(string css, string value)
    {
        var field = Find(css);
        field.Clear();
        field.SendKeys(value);
    }

    /// <summary>
    /// Clicks; when that submits a form, returns once the answer has replaced the page, so the next
    /// step never reads the old one.
    /// </summary>
    public void Click(string css)
    {
        var element = Find(css);
        var submits = element.GetAttribute("type") == "submit";
        var page = _driver.FindElement(By.TagName("html"));
        element.Click();
        if (submits)
            WaitUntilReplaced(page);
    }

    /// <summary>Picks the option with this value in the select list.</summary>
    public void Choose(string css, string value) => Find($"{css} option[value='{value}']").Click();

    /// <summary>Clicks a button whose script handles the form (an upload): nothing to wait for.</summary>
    public void Press(string css) => Find(css).Click();

    /// <summary>Clicks a button that asks for confirmation first, and confirms.</summary>
    public void ClickAndConfirm(string css)
    {
        var page = _driver.FindElement(By.TagName("html"));
        Find(css).Click();
        Wait().Until(d => d.SwitchTo().Alert()).Accept();
        WaitUntilReplaced(page);
    }

    /// <summary>Clicks the link with exactly this text.</summary>
    public void ClickLink(string text) => Wait().Until(d => d.FindElement(By.LinkText(text))).Click();

    public string Path => new Uri(_driver.Url).AbsolutePath;

    public string PageSource => _driver.PageSource;

    /// <summary>Signs in through the sign-in page.</summary>
    public void SignIn(string user, string password)
    {
        Open("/auth/sign-in");
        Fill("#userName", user);
        Fill("#password", password);
        Find("#password").Submit();
        Wait().Until(d => new Uri(d.Url).AbsolutePath != "/auth/sign-in");
    }

    public void SignOut()
    {
        Click("header form[action='/auth/sign-out'] button");
        Find("header a[href='/auth/sign-in']");
    }

    /// <summary>Saves a screenshot of the current page as <c>artifacts/screenshots/NAME.png</c>.</summary>
    public void Screenshot(string name)
    {
        var directory = System.IO.Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        _driver.GetScreenshot().SaveAsFile(System.IO.Path.Combine(directory, name + ".png"));
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        _profile.Dispose();
    }

    private void WaitUntilReplaced(IWebElement page) => Wait().Until(driver =>
    {
        try
        {
            _ = page.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chrome's word for a node caught mid-navigation: its document is already gone.
            return true;
        }
    });

    // A bound on a page that never arrives, not a speed assertion.
    private WebDriverWait Wait() => new(_driver, TimeSpan.FromSeconds(30));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SRegistry.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("SRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
