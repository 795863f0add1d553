// Parser for .campaign files. Regenerate the C# code with ./generate.sh after any change.
parser grammar CampaignParser;

options { tokenVocab = CampaignLexer; }

campaignFile
    : fileItem* EOF
    ;

// A file holds campaigns and, for sharing between campaigns, segments and incentives; `import` brings in another file's.
fileItem
    : importDecl
    | segmentDecl
    | incentiveDecl
    | campaignDecl
    ;

importDecl
    : IMPORT STRING
    ;

campaignDecl
    : CAMPAIGN identifier STRING? LBRACE campaignItem* RBRACE
    ;

campaignItem
    : audienceDecl
    | segmentDecl
    | incentiveDecl
    | policyDecl
    | stageDecl
    | setting
    ;

// `type reengagement`, `owner "crm@shop.example"`, `tags ["winback", "q4"]`: keys are checked by the binder.
setting
    : identifier settingValue
    ;

settingValue
    : literal
    | timeRange
    | identifier
    | listLiteral
    ;

// `09:00..20:00`; a range may run past midnight (`21:00..08:00`).
timeRange
    : TIME RANGE TIME
    ;

audienceDecl
    : AUDIENCE LBRACE audienceItem* RBRACE
    ;

audienceItem
    : WHERE expression                          # audienceWhere
    | ENTRY entryMode                           # audienceEntry
    | REENTRY (NEVER | AFTER durationValue)     # audienceReentry
    ;

// once: the audience as it is at the start; daily: whoever first matches on a day;
// on an event (with a condition on it); on a date attribute, or every year on its anniversary, at a local time.
entryMode
    : ONCE                                            # entryOnce
    | DAILY                                           # entryDaily
    | ON ANNIVERSARY OF path (AT TIME)?               # entryAnniversary
    | ON path (AT TIME)? (WHEN expression)?           # entryOn
    ;

segmentDecl
    : SEGMENT identifier ASSIGN expression
    ;

// `incentive vip40 : back20 "VIP offer" { discount 40% }`: a named offer, optionally refining another.
incentiveDecl
    : INCENTIVE identifier (COLON identifier)? STRING? LBRACE incentiveItem* RBRACE
    ;

incentiveItem
    : EXPIRES (durationValue AFTER (SEND | identifier) | DATE (AT TIME)?)   # incentiveExpiry
    | IDENT incentiveValue?                                        # incentiveProperty
    ;

incentiveValue
    : literal
    | listLiteral
    ;

policyDecl
    : POLICY LBRACE policyItem* RBRACE
    ;

policyItem
    : CAP NUMBER PER durationValue              # frequencyCap
    | GOAL path WITHIN durationValue            # goal
    | EXIT WHEN expression                      # exitRule
    | THEN ENROLL identifier                    # handoff
    | FINALLY identifier STRING?                # finalAction
    | IDENT settingValue                        # policySetting
    ;

stageDecl
    : STAGE identifier stageTiming? LBRACE stageItem* RBRACE
    ;

// `after 5d..7d` waits a window after the previous stage; `after 2d from entry` or `from recognition` names the anchor.
stageTiming
    : AFTER durationValue (RANGE durationValue)? (FROM identifier)?
    ;

durationValue
    : MINUS? DURATION
    ;

stageItem
    : WHEN expression                                   # stageWhen
    | UNLESS expression                                 # stageUnless
    | sendAction                                        # stageSend
    | FOR identifier LBRACE stageItem* RBRACE           # stageVariant
    | OTHERWISE LBRACE stageItem* RBRACE                # stageOtherwise
    | ON CLICK STRING? SET path ASSIGN expression       # clickRule
    ;

sendAction
    : SEND identifier STRING? messageOption* (LBRACE messageOption* RBRACE)?
    ;

messageOption
    : SUBJECT STRING (WEIGHT NUMBER)?   # subjectOption
    | FROM STRING                       # senderOption
    | PREHEADER STRING                  # preheaderOption
    | BODY STRING                       # bodyOption
    | INCENTIVE identifier              # incentiveOption
    ;

// One expression on its own, for expressions written outside a campaign file (column mappings in campaignc.yaml).
standaloneExpression
    : expression EOF
    ;

// Expressions, loosest binding first.
expression
    : orExpression
    ;

orExpression
    : andExpression (OR andExpression)*
    ;

andExpression
    : notExpression (AND notExpression)*
    ;

notExpression
    : NOT notExpression
    | comparison
    ;

comparison
    : additive (comparisonOperator additive
               | NOT? BETWEEN additive AND additive
               | NOT? IN listLiteral)?
    ;

comparisonOperator
    : EQ | ASSIGN | NEQ | LT | LE | GT | GE
    ;

additive
    : multiplicative ((PLUS | MINUS) multiplicative)*
    ;

multiplicative
    : unary ((STAR | SLASH) unary)*
    ;

unary
    : MINUS unary
    | primary
    ;

primary
    : LPAREN expression RPAREN                         # parenthesized
    | LAST (path | LPAREN path RPAREN)                 # lastEvent
    | identifier LPAREN (argument (COMMA argument)*)? RPAREN  # call
    | path                                             # reference
    | literal                                          # literalValue
    | listLiteral                                      # list
    ;

// `count(purchase in 365d)`: an argument may carry a look-back window.
argument
    : expression (IN DURATION)?
    ;

path
    : identifier (DOT identifier)*
    ;

listLiteral
    : LBRACK (expression (COMMA expression)*)? COMMA? RBRACK
    ;

literal
    : STRING | NUMBER | DURATION | PERCENT | MONEY | DATE | TIME | TRUE | FALSE
    ;

// Keywords that may also serve as names.
identifier
    : IDENT | FROM | SUBJECT | WEIGHT | AFTER
    | IMPORT | INCENTIVE | POLICY | ENTRY | REENTRY | ONCE | DAILY | NEVER | ON | ANNIVERSARY | OF | AT
    | WHEN | UNLESS | FOR | OTHERWISE | CLICK | SET | PREHEADER | BODY | EXPIRES | CAP | PER | GOAL
    | WITHIN | EXIT | THEN | ENROLL | FINALLY
    ;
