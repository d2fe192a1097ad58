using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using SmartCity.Portal.Web.Features.Forms;
using SmartCity.Portal.Web.Localization;

namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>
/// The municipality's report: the form of its own version, saved by itself a few seconds after the last
/// edit (one save at a time), kept in the browser until the server has it, and never overwritten behind
/// anyone's back (decision 0015).
/// </summary>
public partial class MunicipalitySubmission
{
    private const string ModulePath = "/js/report-form.js";

    // Thai as Thai in the stored answers and the browser copy, not \u0E.. escapes (a third of the bytes).
    private static readonly JsonSerializerOptions AnswersJsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private ClaimsPrincipal _user = new();
    private CampaignSummary? _campaign;
    private SubmissionDetail? _detail;
    private FormDefinition? _definition;
    private JsonObject _answers = [];
    private Dictionary<long, string> _attachmentNames = [];
    private IReadOnlyList<FormFieldError> _fieldErrors = [];
    private IReadOnlyList<FormFieldError> _summaryErrors = [];
    private string? _error;
    private bool _loading = true;
    private bool _busy;

    // The token this page's answers were last saved under: saves use it, never one read later, so a
    // change by someone else in between is a conflict and not a silent overwrite.
    private Guid _token;
    private int _version;
    private int _savedVersion;
    private bool _saving;
    private bool _saveAgain;
    private bool _saveFailed;
    private bool _conflict;
    private bool _changedElsewhere;
    private bool _checkAfterSave;
    private DateTime? _savedUtc;
    private ITimer? _timer;
    private LocalCopy? _localCopy;
    private bool _localChecked;
    private IJSObjectReference? _module;
    private bool _disposed;

    private bool Editable => _detail?.State is SubmissionState.Draft or SubmissionState.Returned && _definition is not null;

    private bool Dirty => _version != _savedVersion;

    private bool ShowReceipt => _detail is { SubmittedUtc: not null, ReferenceNo: not null }
        && _detail.State is SubmissionState.AtDistrict or SubmissionState.AtProvince or SubmissionState.AtDla or SubmissionState.Accepted;

    private string AnswersText => _answers.ToJsonString(AnswersJsonOptions);

    private string SaveState => _conflict ? "conflict" : _saving ? "saving" : _saveFailed ? "error" : Dirty ? "dirty" : "saved";

    private string SaveStatusText => SaveState switch
    {
        "conflict" => L["Fill.Status.Conflict"],
        "saving" => L["Fill.Status.Saving"],
        "error" => L["Fill.Status.Error"],
        "dirty" => L["Fill.Status.Dirty"],
        _ => L["Fill.Status.Saved", ThaiTime.FormatDateTime(_savedUtc ?? _detail?.UpdatedUtc ?? default, PortalCultures.IsEnglish(CultureInfo.CurrentUICulture))],
    };

    private string LocalKey => $"smartcity.report.{_detail?.Id}.{_user.Identity?.Name}";

    private SubmissionEventView? LastReturn => _detail?.History.LastOrDefault(e => e.Action == WorkflowActions.Name(WorkflowAction.Return));

    private RenderFragment<FormFileSlotContext> FileSlot => context => builder =>
    {
        builder.OpenComponent<ReportFileUpload>(0);
        builder.AddComponentParameter(1, nameof(ReportFileUpload.Context), context);
        builder.AddComponentParameter(2, nameof(ReportFileUpload.SubmissionId), _detail!.Id);
        builder.AddComponentParameter(3, nameof(ReportFileUpload.Module), _module);
        builder.AddComponentParameter(4, nameof(ReportFileUpload.Names), _attachmentNames);
        builder.AddComponentParameter(5, nameof(ReportFileUpload.Uploaded), EventCallback.Factory.Create<UploadedFile>(this, OnUploaded));
        builder.SetKey(context.Path);
        builder.CloseComponent();
    };

    protected override async Task OnInitializedAsync()
    {
        Notifier.SubmissionChanged += OnSubmissionChanged;
        _user = (await AuthState).User;
        await GuardAsync(LoadAsync);
        _loading = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_detail is null || _localChecked || _loading)
        {
            return;
        }

        _localChecked = true;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await CheckLocalCopyAsync();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or OperationCanceledException)
        {
            // Without the module the page still saves to the server; only the browser-side extras are missing.
            return;
        }

        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var campaigns = await Campaigns.ListAsync(_user);
        _campaign = campaigns.FirstOrDefault(c => c.State == CampaignState.Open);
        if (_campaign is null)
        {
            _detail = null;
            return;
        }

        // A municipality sees only its own submission: at most one per campaign.
        var page = await Submissions.ListAsync(_user, new SubmissionQuery(CampaignId: _campaign.Id, PageSize: 1));
        if (page.Items.Count == 0)
        {
            _detail = null;
            return;
        }

        await ShowAsync(await Submissions.GetAsync(_user, page.Items[0].Id));
    }

    /// <summary>Takes the server's report as the page's: its form, its answers, its files. Unsaved edits are gone after this.</summary>
    private async Task ShowAsync(SubmissionDetail detail)
    {
        var formChanged = _detail?.FormVersionId != detail.FormVersionId || _definition is null;
        _detail = detail;
        _token = detail.ConcurrencyToken;
        _answers = ParseAnswers(detail.AnswersJson);
        _savedVersion = _version;
        _savedUtc = detail.UpdatedUtc;
        _saveFailed = false;
        _conflict = false;
        _changedElsewhere = false;
        _fieldErrors = [];
        _summaryErrors = [];
        CancelTimer();
        if (formChanged)
        {
            // A report begun before its campaign had a form has none: the page says so instead of guessing one.
            _definition = detail.FormVersionId is { } versionId ? (await Forms.GetVersionAsync(_user, versionId)).Definition : null;
        }

        await LoadAttachmentNamesAsync();
    }

    private async Task LoadAttachmentNamesAsync()
    {
        var files = await Attachments.ListAsync(_user, _detail!.Id);
        _attachmentNames = files.ToDictionary(f => (long)f.Id, f => f.Name);
    }

    private Task StartAsync() => GuardAsync(async () =>
    {
        await ShowAsync(await Submissions.CreateOrGetAsync(_user, _campaign!.Id));
        _localChecked = false;
    });

    private void OnAnswersChanged()
    {
        _version++;
        _saveFailed = false;
        ScheduleSave();
        // Not awaited: while the connection is down a JS call waits (up to its timeout), and neither the
        // autosave nor the next edit should wait with it. Calls still reach the browser in order.
        _ = CallModuleAsync(m => m.InvokeVoidAsync("saveLocal", LocalKey, AnswersText, _detail?.UpdatedUtc.ToString("O", CultureInfo.InvariantCulture)));
        _ = CallModuleAsync(m => m.InvokeVoidAsync("setDirty", true));
    }

    private void OnUploaded(UploadedFile file) => _attachmentNames[file.Id] = file.Name;

    /// <summary>Restarts the quiet period: the save runs once the officer has paused, not on every keystroke.</summary>
    private void ScheduleSave()
    {
        if (_conflict || _disposed)
        {
            return;
        }

        _timer ??= Clock.CreateTimer(_ => _ = InvokeAsync(AutosaveAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(Options.Value.AutosaveDelay, Timeout.InfiniteTimeSpan);
    }

    private void CancelTimer() => _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    private async Task AutosaveAsync()
    {
        if (_disposed)
        {
            return;
        }

        await SaveNowAsync();
        StateHasChanged();
    }

    private async Task SaveClickedAsync()
    {
        CancelTimer();
        // The button always saves, even with nothing new: the officer sees the time move.
        if (!Dirty)
        {
            _version++;
        }

        await SaveNowAsync();
    }

    /// <summary>
    /// Saves the answers as they are now. One save at a time: a call during a save only asks for another
    /// round after it, which then carries every edit made meanwhile. Returns whether the server has the latest edits.
    /// </summary>
    private async Task<bool> SaveNowAsync()
    {
        if (_saving)
        {
            _saveAgain = true;
            return false;
        }

        if (_detail is null || _definition is null || !Editable || _conflict)
        {
            return !Dirty;
        }

        _saving = true;
        try
        {
            do
            {
                _saveAgain = false;
                if (!Dirty)
                {
                    break;
                }

                if (!await SaveOnceAsync())
                {
                    return false;
                }
            }
            while (_saveAgain);
        }
        finally
        {
            _saving = false;
        }

        if (_checkAfterSave)
        {
            _checkAfterSave = false;
            await CheckForOthersAsync();
        }

        return !Dirty;
    }

    private async Task<bool> SaveOnceAsync()
    {
        var version = _version;
        var json = AnswersText;
        StateHasChanged();
        try
        {
            _token = await Submissions.SaveAnswersAsync(_user, _detail!.Id, _token, json);
        }
        catch (FormAnswersInvalidException ex)
        {
            // The service checks types and limits on every save (decision 0017); its errors go beside the fields.
            ShowRefusal(ex.Errors);
            return false;
        }
        catch (PortalStaleException)
        {
            // Someone else of the municipality saved first. Their answers are not replaced and this page's
            // typing stays on screen (and in the browser's copy) until the officer chooses to load theirs.
            _conflict = true;
            CancelTimer();
            return false;
        }
        catch (PortalException ex)
        {
            _saveFailed = true;
            _error = ex.PortalMessage.ForCurrentCulture();
            return false;
        }

        _savedVersion = version;
        _savedUtc = Clock.GetUtcNow().UtcDateTime;
        _saveFailed = false;
        _fieldErrors = [];
        if (_summaryErrors.Count > 0)
        {
            _summaryErrors = FormValidator.ValidateForSubmit(_definition!, json);
            _fieldErrors = _summaryErrors;
        }

        if (!Dirty)
        {
            _ = CallModuleAsync(m => m.InvokeVoidAsync("clearLocal", LocalKey));
            _ = CallModuleAsync(m => m.InvokeVoidAsync("setDirty", false));
        }

        await RefreshDetailAsync();
        return true;
    }

    private void ShowRefusal(IReadOnlyList<FormFieldError> problems)
    {
        _fieldErrors = problems;
        _saveFailed = true;
    }

    /// <summary>Status, history and buttons from the server, keeping this page's answers and token.</summary>
    private async Task RefreshDetailAsync()
    {
        SubmissionDetail fresh;
        try
        {
            fresh = await Submissions.GetAsync(_user, _detail!.Id);
        }
        catch (PortalException ex)
        {
            // The answers are saved; only the status around them could not be read again.
            _error = ex.PortalMessage.ForCurrentCulture();
            return;
        }

        _detail = fresh;
        if (fresh.ConcurrencyToken != _token)
        {
            _changedElsewhere = true;
        }
    }

    private void OnSubmissionChanged(int submissionId)
    {
        if (_detail is null || _detail.Id != submissionId || _disposed)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            if (_saving || _busy)
            {
                // Probably this page's own save; looked at once it is done.
                _checkAfterSave = true;
                return;
            }

            await CheckForOthersAsync();
            StateHasChanged();
        });
    }

    /// <summary>Live reload: a clean page follows the server; a page with unsaved typing only says that something changed.</summary>
    private async Task CheckForOthersAsync()
    {
        try
        {
            var fresh = await Submissions.GetAsync(_user, _detail!.Id);
            if (fresh.ConcurrencyToken == _token)
            {
                _detail = fresh;
                return;
            }

            if (!Dirty && !_conflict && _localCopy is null)
            {
                await ShowAsync(fresh);
            }
            else
            {
                _detail = fresh;
                _changedElsewhere = true;
            }
        }
        catch (PortalException ex)
        {
            _error = ex.PortalMessage.ForCurrentCulture();
        }
    }

    private Task ReloadLatestAsync() => GuardAsync(async () =>
    {
        await ShowAsync(await Submissions.GetAsync(_user, _detail!.Id));
        await CallModuleAsync(m => m.InvokeVoidAsync("clearLocal", LocalKey));
        await CallModuleAsync(m => m.InvokeVoidAsync("setDirty", false));
    });

    private async Task ActAsync(WorkflowAction action)
    {
        var sending = action is WorkflowAction.Submit or WorkflowAction.Resubmit;
        if (sending && _definition is not null)
        {
            // Incomplete answers are listed at once, before anything is asked or sent.
            var missing = FormValidator.ValidateForSubmit(_definition, AnswersText);
            if (missing.Count > 0)
            {
                ShowSubmitErrors(missing);
                return;
            }
        }

        var (title, body, yes) = action == WorkflowAction.Withdraw
            ? (L["Withdraw.Title"], L["Withdraw.Body"], L["Action.withdraw"])
            : sending ? (L["Fill.Submit.Title"], L["Fill.Submit.Body"], L["Action." + WorkflowActions.Name(action)]) : (null, null, null);
        if (title is not null)
        {
            var confirmed = await DialogService.ShowMessageBoxAsync(title.Value, body!.Value, yesText: yes!.Value, cancelText: L["Common.Cancel"]);
            if (confirmed != true)
            {
                return;
            }
        }

        if (sending && Editable)
        {
            CancelTimer();
            if (Dirty && !await SaveNowAsync())
            {
                // The save said why (conflict, field errors or a message); nothing is submitted over it.
                return;
            }
        }

        await GuardAsync(async () =>
        {
            try
            {
                await Submissions.ActAsync(_user, _detail!.Id, new ActionRequest(action, _token));
            }
            catch (FormAnswersInvalidException ex)
            {
                ShowSubmitErrors(ex.Errors);
                return;
            }

            Snackbar.Add(L["Action.Done." + WorkflowActions.Name(action)], Severity.Success);
            await ShowAsync(await Submissions.GetAsync(_user, _detail!.Id));
        });
    }

    private void ShowSubmitErrors(IReadOnlyList<FormFieldError> errors)
    {
        _summaryErrors = errors;
        _fieldErrors = errors;
        _error = null;
    }

    private async Task OnBeforeInternalNavigationAsync(LocationChangingContext context)
    {
        if (!Dirty || _conflict)
        {
            return;
        }

        var leave = await DialogService.ShowMessageBoxAsync(L["Fill.Leave.Title"], L["Fill.Leave.Body"], yesText: L["Fill.Leave.Yes"], cancelText: L["Common.Cancel"]);
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private async Task CheckLocalCopyAsync()
    {
        if (_module is null || !Editable)
        {
            return;
        }

        var text = await _module.InvokeAsync<string?>("readLocal", LocalKey);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var answers = doc.RootElement.GetProperty("answers").GetString() ?? "";
            var saved = doc.RootElement.GetProperty("savedUtc").GetDateTime().ToUniversalTime();
            // The copy is cleared after every good save, so one that is still here was never saved;
            // offer it only when it says something the server's answers do not.
            if (JsonNode.DeepEquals(ParseAnswers(answers), _answers))
            {
                await _module.InvokeVoidAsync("clearLocal", LocalKey);
                return;
            }

            _localCopy = new LocalCopy(answers, saved);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            await _module.InvokeVoidAsync("clearLocal", LocalKey);
        }
    }

    private void RestoreLocal()
    {
        if (_localCopy is not { } copy)
        {
            return;
        }

        _answers = ParseAnswers(copy.AnswersJson);
        _localCopy = null;
        OnAnswersChanged();
    }

    private async Task DiscardLocalAsync()
    {
        _localCopy = null;
        await CallModuleAsync(m => m.InvokeVoidAsync("clearLocal", LocalKey));
    }

    /// <summary>A call into report-form.js that may fail harmlessly: the circuit or the module can be gone.</summary>
    private async Task CallModuleAsync(Func<IJSObjectReference, ValueTask> call)
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await call(_module);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser copy and the leave warning are extras: the server save does not depend on them.
        }
    }

    /// <summary>Runs one step; a refusal becomes its Thai message, never a stack trace.</summary>
    private async Task GuardAsync(Func<Task> work)
    {
        _busy = true;
        _error = null;
        try
        {
            await work();
        }
        catch (PortalStaleException ex)
        {
            _error = ex.PortalMessage.ForCurrentCulture();
            Snackbar.Add(_error, Severity.Warning);
            if (Dirty)
            {
                // Keep the typing on screen: the conflict panel offers to load the other version.
                _conflict = true;
            }
            else
            {
                await LoadAsync();
            }
        }
        catch (PortalException ex)
        {
            _error = ex.PortalMessage.ForCurrentCulture();
            Snackbar.Add(_error, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private static JsonObject ParseAnswers(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Notifier.SubmissionChanged -= OnSubmissionChanged;
        _timer?.Dispose();
        _timer = null;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose");
                await _module.DisposeAsync();
            }
            catch (Exception ex) when (ex is JSDisconnectedException or JSException or OperationCanceledException or ObjectDisposedException)
            {
                // The circuit is gone: the browser's copy of the answers stays for the next visit.
            }
        }

        GC.SuppressFinalize(this);
    }


    private sealed record LocalCopy(string AnswersJson, DateTime SavedUtc);
}
