IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [Position] nvarchar(200) NULL,
        [ExternalObjectId] nvarchar(64) NULL,
        [IsDemo] bit NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE TABLE [OrgUnits] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(32) NOT NULL,
        [NameTh] nvarchar(200) NOT NULL,
        [NameEn] nvarchar(200) NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Class] nvarchar(20) NULL,
        [ParentId] int NULL,
        [Path] nvarchar(200) NOT NULL,
        [ProvinceCode] nvarchar(2) NULL,
        [DistrictCode] nvarchar(4) NULL,
        [IsDemo] bit NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_OrgUnits] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrgUnits_OrgUnits_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE TABLE [Memberships] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [OrgUnitId] int NOT NULL,
        [Role] nvarchar(40) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Memberships] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Memberships_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Memberships_OrgUnits_OrgUnitId] FOREIGN KEY ([OrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AspNetUsers_ExternalObjectId] ON [AspNetUsers] ([ExternalObjectId]) WHERE [ExternalObjectId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE INDEX [IX_Memberships_OrgUnitId] ON [Memberships] ([OrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Memberships_UserId_OrgUnitId] ON [Memberships] ([UserId], [OrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OrgUnits_Code] ON [OrgUnits] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE INDEX [IX_OrgUnits_Kind_ProvinceCode] ON [OrgUnits] ([Kind], [ProvinceCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE INDEX [IX_OrgUnits_ParentId] ON [OrgUnits] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    CREATE INDEX [IX_OrgUnits_Path] ON [OrgUnits] ([Path]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125213942_Foundation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125213942_Foundation', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE TABLE [Campaigns] (
        [Id] int NOT NULL IDENTITY,
        [FiscalYear] int NOT NULL,
        [Title] nvarchar(500) NOT NULL,
        [LetterNo] nvarchar(100) NOT NULL,
        [LetterDateUtc] datetime2 NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [PaperCopyRequired] bit NOT NULL,
        [RoutingJson] nvarchar(500) NOT NULL,
        [SubmissionDeadlineUtc] datetime2 NOT NULL,
        [DlaDeadlineUtc] datetime2 NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Campaigns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE TABLE [Submissions] (
        [Id] int NOT NULL IDENTITY,
        [CampaignId] int NOT NULL,
        [MunicipalityId] int NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [HolderOrgUnitId] int NOT NULL,
        [ReturnedByOrgUnitId] int NULL,
        [ReferenceNo] nvarchar(40) NULL,
        [AnswersJson] nvarchar(max) NOT NULL,
        [ExtendedDeadlineUtc] datetime2 NULL,
        [PaperCopyReceivedUtc] datetime2 NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [SubmittedUtc] datetime2 NULL,
        [EventCount] int NOT NULL,
        [LastEventHash] nvarchar(64) NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Submissions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Submissions_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Submissions_OrgUnits_HolderOrgUnitId] FOREIGN KEY ([HolderOrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Submissions_OrgUnits_MunicipalityId] FOREIGN KEY ([MunicipalityId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Submissions_OrgUnits_ReturnedByOrgUnitId] FOREIGN KEY ([ReturnedByOrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE TABLE [TierDeadlines] (
        [Id] int NOT NULL IDENTITY,
        [CampaignId] int NOT NULL,
        [OrgUnitId] int NOT NULL,
        [DeadlineUtc] datetime2 NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_TierDeadlines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TierDeadlines_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_TierDeadlines_OrgUnits_OrgUnitId] FOREIGN KEY ([OrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE TABLE [WorkflowEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [SubmissionId] int NOT NULL,
        [Sequence] int NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [ActingOrgUnitId] int NULL,
        [Action] nvarchar(20) NOT NULL,
        [FromState] nvarchar(20) NOT NULL,
        [ToState] nvarchar(20) NOT NULL,
        [Comment] nvarchar(2000) NULL,
        [OccurredUtc] datetime2 NOT NULL,
        [PreviousHash] nvarchar(64) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_WorkflowEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkflowEvents_Submissions_SubmissionId] FOREIGN KEY ([SubmissionId]) REFERENCES [Submissions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE INDEX [IX_Campaigns_FiscalYear] ON [Campaigns] ([FiscalYear]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Submissions_CampaignId_MunicipalityId] ON [Submissions] ([CampaignId], [MunicipalityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Submissions_CampaignId_ReferenceNo] ON [Submissions] ([CampaignId], [ReferenceNo]) WHERE [ReferenceNo] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE INDEX [IX_Submissions_CampaignId_State] ON [Submissions] ([CampaignId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE INDEX [IX_Submissions_HolderOrgUnitId] ON [Submissions] ([HolderOrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE INDEX [IX_Submissions_MunicipalityId] ON [Submissions] ([MunicipalityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE INDEX [IX_Submissions_ReturnedByOrgUnitId] ON [Submissions] ([ReturnedByOrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TierDeadlines_CampaignId_OrgUnitId] ON [TierDeadlines] ([CampaignId], [OrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE INDEX [IX_TierDeadlines_OrgUnitId] ON [TierDeadlines] ([OrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkflowEvents_SubmissionId_Sequence] ON [WorkflowEvents] ([SubmissionId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125221222_Workflow'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125221222_Workflow', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125232331_PaperCopyRegister'
)
BEGIN
    CREATE TABLE [RegisterCounters] (
        [Id] int NOT NULL IDENTITY,
        [OrgUnitId] int NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [Year] int NOT NULL,
        [LastNumber] int NOT NULL,
        CONSTRAINT [PK_RegisterCounters] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RegisterCounters_OrgUnits_OrgUnitId] FOREIGN KEY ([OrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125232331_PaperCopyRegister'
)
BEGIN
    CREATE TABLE [RegisterEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [OrgUnitId] int NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [Year] int NOT NULL,
        [Number] int NOT NULL,
        [Subject] nvarchar(500) NOT NULL,
        [SubmissionId] int NULL,
        [DocumentDate] datetime2 NOT NULL,
        [Note] nvarchar(1000) NULL,
        [RecordedUtc] datetime2 NOT NULL,
        [RecordedByUserName] nvarchar(256) NOT NULL,
        [CancelledUtc] datetime2 NULL,
        [CancelReason] nvarchar(1000) NULL,
        [CancelledByUserName] nvarchar(256) NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_RegisterEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RegisterEntries_OrgUnits_OrgUnitId] FOREIGN KEY ([OrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RegisterEntries_Submissions_SubmissionId] FOREIGN KEY ([SubmissionId]) REFERENCES [Submissions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125232331_PaperCopyRegister'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RegisterCounters_OrgUnitId_Kind_Year] ON [RegisterCounters] ([OrgUnitId], [Kind], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125232331_PaperCopyRegister'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RegisterEntries_OrgUnitId_Kind_Year_Number] ON [RegisterEntries] ([OrgUnitId], [Kind], [Year], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125232331_PaperCopyRegister'
)
BEGIN
    CREATE INDEX [IX_RegisterEntries_SubmissionId] ON [RegisterEntries] ([SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125232331_PaperCopyRegister'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125232331_PaperCopyRegister', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    ALTER TABLE [OrgUnits] ADD [IsSynthetic] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    ALTER TABLE [OrgUnits] ADD [LetterCodePrefix] nvarchar(40) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE TABLE [Dispatches] (
        [Id] int NOT NULL IDENTITY,
        [CampaignId] int NOT NULL,
        [FromOrgUnitId] int NOT NULL,
        [ToOrgUnitId] int NOT NULL,
        [SendEntryId] bigint NOT NULL,
        [Year] int NOT NULL,
        [Number] int NOT NULL,
        [LetterNo] nvarchar(60) NOT NULL,
        [LetterDate] datetime2 NOT NULL,
        [SentUtc] datetime2 NOT NULL,
        [SentByUserName] nvarchar(256) NOT NULL,
        [ReceiveEntryId] bigint NULL,
        [ReceiveNo] nvarchar(20) NULL,
        [ReceivedDate] datetime2 NULL,
        [ReceivedUtc] datetime2 NULL,
        [ReceivedByUserName] nvarchar(256) NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Dispatches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Dispatches_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Dispatches_OrgUnits_FromOrgUnitId] FOREIGN KEY ([FromOrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Dispatches_OrgUnits_ToOrgUnitId] FOREIGN KEY ([ToOrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Dispatches_RegisterEntries_ReceiveEntryId] FOREIGN KEY ([ReceiveEntryId]) REFERENCES [RegisterEntries] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Dispatches_RegisterEntries_SendEntryId] FOREIGN KEY ([SendEntryId]) REFERENCES [RegisterEntries] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE TABLE [DispatchItems] (
        [Id] bigint NOT NULL IDENTITY,
        [DispatchId] int NOT NULL,
        [SubmissionId] int NOT NULL,
        CONSTRAINT [PK_DispatchItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DispatchItems_Dispatches_DispatchId] FOREIGN KEY ([DispatchId]) REFERENCES [Dispatches] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DispatchItems_Submissions_SubmissionId] FOREIGN KEY ([SubmissionId]) REFERENCES [Submissions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE INDEX [IX_Dispatches_CampaignId] ON [Dispatches] ([CampaignId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE INDEX [IX_Dispatches_FromOrgUnitId_Year_Number] ON [Dispatches] ([FromOrgUnitId], [Year], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE INDEX [IX_Dispatches_ReceiveEntryId] ON [Dispatches] ([ReceiveEntryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Dispatches_SendEntryId] ON [Dispatches] ([SendEntryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE INDEX [IX_Dispatches_ToOrgUnitId_ReceivedUtc] ON [Dispatches] ([ToOrgUnitId], [ReceivedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DispatchItems_DispatchId_SubmissionId] ON [DispatchItems] ([DispatchId], [SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    CREATE INDEX [IX_DispatchItems_SubmissionId] ON [DispatchItems] ([SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001228_Dispatches'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126001228_Dispatches', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126010122_FormDefinitions'
)
BEGIN
    ALTER TABLE [Submissions] ADD [FormVersionId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126010122_FormDefinitions'
)
BEGIN
    CREATE TABLE [FormDefinitionVersions] (
        [Id] int NOT NULL IDENTITY,
        [CampaignId] int NOT NULL,
        [Version] int NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [PublishedUtc] datetime2 NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedByUserName] nvarchar(256) NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_FormDefinitionVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FormDefinitionVersions_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126010122_FormDefinitions'
)
BEGIN
    CREATE INDEX [IX_Submissions_FormVersionId] ON [Submissions] ([FormVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126010122_FormDefinitions'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FormDefinitionVersions_CampaignId_Version] ON [FormDefinitionVersions] ([CampaignId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126010122_FormDefinitions'
)
BEGIN
    ALTER TABLE [Submissions] ADD CONSTRAINT [FK_Submissions_FormDefinitionVersions_FormVersionId] FOREIGN KEY ([FormVersionId]) REFERENCES [FormDefinitionVersions] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126010122_FormDefinitions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126010122_FormDefinitions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015258_Attachments'
)
BEGIN
    CREATE TABLE [Attachments] (
        [Id] int NOT NULL IDENTITY,
        [SubmissionId] int NOT NULL,
        [FieldPath] nvarchar(200) NOT NULL,
        [OriginalFileName] nvarchar(255) NOT NULL,
        [StoredFileName] nvarchar(64) NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Length] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [UploadedUtc] datetime2 NOT NULL,
        [UploadedByUserName] nvarchar(256) NOT NULL,
        [DeletedUtc] datetime2 NULL,
        CONSTRAINT [PK_Attachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attachments_Submissions_SubmissionId] FOREIGN KEY ([SubmissionId]) REFERENCES [Submissions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015258_Attachments'
)
BEGIN
    CREATE INDEX [IX_Attachments_SubmissionId_FieldPath] ON [Attachments] ([SubmissionId], [FieldPath]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015258_Attachments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126015258_Attachments', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126030415_CampaignAdministration'
)
BEGIN
    CREATE TABLE [CampaignDocuments] (
        [Id] int NOT NULL IDENTITY,
        [CampaignId] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [OriginalFileName] nvarchar(255) NOT NULL,
        [StoredFileName] nvarchar(64) NOT NULL,
        [FileKind] nvarchar(10) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Length] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [UploadedUtc] datetime2 NOT NULL,
        [UploadedByUserName] nvarchar(256) NOT NULL,
        [DeletedUtc] datetime2 NULL,
        CONSTRAINT [PK_CampaignDocuments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CampaignDocuments_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126030415_CampaignAdministration'
)
BEGIN
    CREATE INDEX [IX_CampaignDocuments_CampaignId] ON [CampaignDocuments] ([CampaignId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126030415_CampaignAdministration'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126030415_CampaignAdministration', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126042911_CampaignEvents'
)
BEGIN
    CREATE TABLE [CampaignEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [CampaignId] int NOT NULL,
        [Action] nvarchar(40) NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [OccurredUtc] datetime2 NOT NULL,
        [Detail] nvarchar(4000) NULL,
        CONSTRAINT [PK_CampaignEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CampaignEvents_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126042911_CampaignEvents'
)
BEGIN
    CREATE INDEX [IX_CampaignEvents_CampaignId_Id] ON [CampaignEvents] ([CampaignId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126042911_CampaignEvents'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126042911_CampaignEvents', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [Memberships] ADD [EndsUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [CreatedUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [DisabledReason] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [DisabledUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [EntraUpn] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [IsDisabled] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [LastSignInUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [MustChangePassword] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE TABLE [AdminEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [OccurredUtc] datetime2 NOT NULL,
        [ActorUserName] nvarchar(256) NOT NULL,
        [Action] nvarchar(40) NOT NULL,
        [TargetUserId] nvarchar(450) NULL,
        [TargetUserName] nvarchar(256) NULL,
        [OfficeCode] nvarchar(32) NULL,
        [ScopePath] nvarchar(200) NOT NULL,
        [Before] nvarchar(4000) NULL,
        [After] nvarchar(4000) NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_AdminEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE TABLE [PasswordLinks] (
        [Id] bigint NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [Purpose] int NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ExpiresUtc] datetime2 NOT NULL,
        [UsedUtc] datetime2 NULL,
        [RevokedUtc] datetime2 NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_PasswordLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PasswordLinks_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AspNetUsers_EntraUpn] ON [AspNetUsers] ([EntraUpn]) WHERE [EntraUpn] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE INDEX [IX_AdminEvents_ActorUserName] ON [AdminEvents] ([ActorUserName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE INDEX [IX_AdminEvents_OccurredUtc] ON [AdminEvents] ([OccurredUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE INDEX [IX_AdminEvents_ScopePath_OccurredUtc] ON [AdminEvents] ([ScopePath], [OccurredUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE INDEX [IX_AdminEvents_TargetUserName] ON [AdminEvents] ([TargetUserName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PasswordLinks_TokenHash] ON [PasswordLinks] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    CREATE INDEX [IX_PasswordLinks_UserId_CreatedUtc] ON [PasswordLinks] ([UserId], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203201220_AccountsAndAdminAudit'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203201220_AccountsAndAdminAudit', N'10.0.15');
END;

COMMIT;
GO

