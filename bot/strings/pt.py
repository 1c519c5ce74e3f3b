"""Portuguese: every text of the Slack face."""

from bot.strings.fields import DraftingTexts, Texts

TEXTS = Texts(
    language="pt",
    language_name="Portuguese",
    modal_title="Nova formação",
    submit="Criar",
    cancel="Cancelar",
    close="Fechar",
    title_label="Título",
    title_hint="Obrigatório. No máximo 250 caracteres.",
    subtitle_label="Subtítulo",
    subtitle_hint="Obrigatório. Um resumo curto, no máximo 1000 caracteres.",
    description_label="Descrição",
    description_hint=(
        "Obrigatória. Até 6000 caracteres no total: uma caixa do Slack comporta 3000, então "
        "escreva os 3000 primeiros aqui e continue na caixa seguinte."
    ),
    description_more_label="Descrição (continuação)",
    description_more_hint=(
        "Só para descrições com mais de 3000 caracteres. O texto continua exatamente onde a "
        "primeira caixa termina: nenhum espaço ou quebra de linha é acrescentado entre as duas."
    ),
    level_label="Nível",
    level_hint="Obrigatório: um dos três níveis que a Lucca conhece.",
    level_names={
        "Beginner": ("Iniciante", "descobrir o assunto"),
        "Middle": ("Intermediário", "aprofundá-lo"),
        "Expert": ("Especialista", "tornar-se especialista"),
    },
    type_label="Tipo",
    type_hint="Opcional. Se ficar vazio, a Lucca aplica o seu valor padrão.",
    type_placeholder="Escolher um tipo",
    type_names={
        "External": "Externa: ministrada por uma organização externa",
        "Internal": "Interna: ministrada por colaboradores",
    },
    certifying_label="Certificadora?",
    certifying_hint="Obrigatório. Leva a um diploma, título ou certificado reconhecido?",
    mandatory_label="Obrigatória?",
    mandatory_hint="Obrigatório. É obrigatória por lei (segurança, por exemplo)?",
    yes="Sim",
    no="Não",
    provider_label="Fornecedor",
    provider_hint="Opcional. Digite para procurar os fornecedores já usados no catálogo.",
    provider_placeholder="Procurar fornecedores",
    provider_id_label="Ou id do fornecedor",
    provider_id_hint="Opcional. O id de um fornecedor na Lucca (um número), se não está na lista.",
    category_label="Categoria",
    category_hint="Opcional. Digite para procurar as categorias já usadas no catálogo.",
    category_placeholder="Procurar categorias",
    category_id_label="Ou id da categoria",
    category_id_hint=(
        "Opcional. O id de uma categoria na Lucca (um número), se não está na lista."
    ),
    title_was_cut=(
        "O texto após o comando tinha mais de 250 caracteres: o título fica com os 250 primeiros."
    ),
    required="Obrigatório.",
    blank="Não pode ficar em branco.",
    too_long="No máximo {limit} caracteres (este tem {got}).",
    too_long_as_lucca_counts=(
        "No máximo {limit} caracteres como a Lucca os conta (este tem {got}: emojis e alguns "
        "caracteres raros contam como 2)."
    ),
    not_a_number="Deve ser um número, como 12 (ou deixe vazio).",
    provider_conflict="Difere do fornecedor escolhido acima (n.º {picked}): mantenha só um.",
    category_conflict="Difere da categoria escolhida acima (n.º {picked}): mantenha só uma.",
    lucca_field_note=":warning: Lucca: {message}",
    creating=(
        ":hourglass_flowing_sand: Criando *{title}* no Lucca Training…\n\n"
        "Pode fechar esta janela: o resultado também chegará como mensagem direta deste "
        "aplicativo."
    ),
    result_title="Formação criada",
    created=":white_check_mark: A formação *n.º {id}* *{title}* foi criada no Lucca Training.",
    facts={"level": "Nível", "type": "Tipo", "provider": "Fornecedor", "category": "Categoria"},
    status_label="Estado no catálogo",
    status_ready=(
        "*Pronta* (Ready): pode ser usada em novas formações realizadas, mas *não está no "
        "catálogo público* até que um administrador a publique no Lucca Training."
    ),
    status_other="*{state}*",
    next_steps=(
        "*Depois:* se as pessoas devem encontrá-la no catálogo, peça a um administrador do "
        "Lucca Training que a publique. Digite `/training-create` para criar outra."
    ),
    dm_created=(
        ":white_check_mark: A formação *n.º {id}* *{title}* foi criada no Lucca Training. "
        "Estado: *Pronta*, fora do catálogo público até que um administrador a publique."
    ),
    channel_note=(
        ":white_check_mark: Você criou a formação *n.º {id}* *{title}* no Lucca Training "
        "(Pronta, fora do catálogo público até que um administrador a publique). "
        "Os detalhes estão nas suas mensagens diretas com este aplicativo."
    ),
    already_there_title="Já está na Lucca",
    already_there=(
        ":information_source: A formação *n.º {id}* *{title}* já estava no Lucca Training com "
        "o mesmo conteúdo, então nada de novo foi criado."
    ),
    recovered_note=(
        "A resposta da Lucca perdeu-se no caminho, mas a formação está no catálogo: foi criada "
        "uma vez e não foi enviada de novo."
    ),
    allow_duplicate_label="Título já usado",
    allow_duplicate_option="Criar mesmo assim, como segunda formação com este título",
    refused_title="Não permitido",
    refused=(
        "Desculpe, criar formações pelo Slack é reservado a algumas pessoas, e você ainda não é "
        "uma delas. Peça a quem configurou o aplicativo Lucca Training no Slack que o adicione."
    ),
    access_unknown=(
        "Desculpe, não consegui verificar se você pode criar formações (o Slack não respondeu a "
        "tempo). Tente de novo daqui a pouco."
    ),
    trigger_expired=(
        "O Slack demorou demais para abrir o formulário. Digite `/training-create` de novo."
    ),
    modal_failed=(
        "Não foi possível abrir o formulário (o Slack respondeu `{error}`). Tente de novo; se "
        "continuar falhando, avise a pessoa que gere este aplicativo."
    ),
    failure={
        "rejected": (
            ":warning: A Lucca recusou a formação, então nada foi criado. Corrija o que está "
            "indicado abaixo e envie de novo."
        ),
        "auth": (
            ":warning: A Lucca recusou o acesso deste aplicativo, então nada foi criado. Avise "
            "a pessoa que o gere: a chave de API da Lucca deve ser verificada. O seu formulário "
            "fica guardado aqui."
        ),
        "not_found": (
            ":warning: Este aplicativo não está ligado a uma conta Lucca Training (a Lucca "
            "respondeu 404), então nada foi criado. Peça à pessoa que o gere que verifique o "
            "endereço da Lucca."
        ),
        "rate_limited": (
            ":warning: A Lucca está sobrecarregada: os 50 pedidos por minuto da conta estão "
            "esgotados. Nada foi criado. {retry}"
        ),
        "unavailable": (
            ":warning: A Lucca está indisponível no momento; nada foi criado. Envie de novo "
            "dentro de alguns minutos."
        ),
        "outcome_unknown": (
            ":warning: A Lucca não respondeu a tempo: a formação *pode ou não* ter sido criada. "
            "Procure *{title}* no Lucca Training antes de enviar de novo, para não criá-la duas "
            "vezes."
        ),
        "unexpected_answer": (
            ":warning: Não foi possível ler a resposta da Lucca. Procure *{title}* no Lucca "
            "Training antes de enviar de novo: ela pode ter sido criada."
        ),
        "title_busy": (
            ":hourglass: *{title}* está a ser criada noutro lugar neste momento, ou o "
            "armazenamento da aplicação não responde: nada foi enviado à Lucca. Envie novamente "
            "daqui a pouco."
        ),
        "duplicate_check_incomplete": (
            ":warning: Não foi possível procurar *{title}* em todo o catálogo, então nada foi "
            "criado: uma formação com esse título pode já existir. Procure-a no Lucca Training; "
            "se não estiver lá, marque *Criar mesmo assim* abaixo e envie de novo."
        ),
        "duplicate": (
            ":warning: O Lucca Training já tem uma formação intitulada *{title}*: {existing}. "
            "Nada foi criado. Mude o título, ou marque *Criar mesmo assim* abaixo e envie de "
            "novo se quiser uma segunda."
        ),
        "configuration": (
            ":warning: As configurações da Lucca deste aplicativo não são utilizáveis, então "
            "nada foi enviado. Avise a pessoa que o gere."
        ),
        "internal": (
            ":warning: Algo deu errado neste aplicativo ao criar a formação: ela pode ou não ter "
            "sido criada. Procure *{title}* no Lucca Training antes de enviar de novo."
        ),
    },
    lucca_said="A Lucca respondeu: {said}",
    retry_in_seconds="Envie de novo daqui a {seconds} segundos.",
    retry_in_a_minute="Envie de novo daqui a um minuto.",
    dm_failed="Não foi possível criar a formação *{title}*.\n{reason}",
    typed_values="O que você tinha digitado, para nada se perder:",
    message_was_cut=(
        "A mensagem ultrapassava os limites da Lucca e foi cortada: o título fica com os seus "
        "{title_limit} primeiros caracteres e a descrição com os {description_limit} primeiros. "
        "Verifique o final de cada um."
    ),
    thread_share_label="Conversa da mensagem",
    thread_share_option="Mostrar o resultado a todos na conversa",
    thread_share_hint="Sem marcar, só você vê a resposta na conversa da mensagem.",
    thread_note=(
        ":white_check_mark: <@{user}> criou a formação *n.º {id}* *{title}* no Lucca Training a "
        "partir desta mensagem. Está Pronta, e fora do catálogo público até que um "
        "administrador a publique."
    ),
    home_header="Lucca Training",
    home_intro=(
        "Crie formações no seu catálogo Lucca Training sem sair do Slack: com o botão abaixo, "
        "com `/training-create` ou pelo menu *Mais ações* de uma mensagem (*Criar uma formação "
        "a partir desta mensagem*)."
    ),
    home_create="Criar uma formação",
    home_recent_title="*As suas últimas criações*",
    home_recent_none="Nenhuma por enquanto: as formações criadas pelo Slack aparecerão aqui.",
    store_down=(
        "Não foi possível registar esta formação para criação (o armazenamento da "
        "aplicação não responde): nada foi criado. O que escreveu é mantido; envie "
        "novamente daqui a pouco."
    ),
    home_recent_unavailable=(
        "As suas criações recentes não podem ser mostradas agora (o armazenamento da "
        "aplicação não responde). Tente novamente daqui a pouco."
    ),
    home_recent_item="*n.º {id}* {title}\n{status} · {when}",
    home_status_ready="Pronta, fora do catálogo público",
    home_help=(
        "*Bom saber*\n"
        "• Título: no máximo {title_limit} caracteres; subtítulo: {subtitle_limit}; descrição: "
        "{description_limit}. Nível, «certificadora» e «obrigatória» são obrigatórios; tipo, "
        "fornecedor e categoria são opcionais.\n"
        "• *Fora do catálogo público*: uma nova formação fica *Pronta* (pode ser usada em "
        "formações realizadas), mas os colaboradores não a veem no catálogo até que um "
        "administrador do Lucca Training a publique na Lucca."
    ),
    home_refused=(
        ":no_entry: Criar formações pelo Slack é reservado a algumas pessoas, e você ainda não é "
        "uma delas. Peça a quem instalou o aplicativo Lucca Training que o adicione."
    ),
    step_no_user=(
        'O passo precisa da pessoa que executa o fluxo de trabalho (a sua entrada "user"): '
        "nada foi criado."
    ),
    step_refused=(
        "{user} não pode criar formações pelo Slack (peça a quem gere o aplicativo Lucca "
        "Training que o adicione): nada foi criado."
    ),
    step_access_unknown=(
        "Não foi possível verificar se {user} pode criar formações (o Slack não respondeu a "
        "tempo): nada foi criado. Execute o fluxo de trabalho de novo."
    ),
    step_duplicate=(
        "O Lucca Training já tem uma formação intitulada «{title}»: {existing}. Nada foi "
        "criado: mude o título no fluxo de trabalho, ou crie a segunda com o formulário."
    ),
    step_duplicate_unsure=(
        "Não foi possível procurar «{title}» em todo o catálogo, então nada foi criado: uma "
        "formação com esse título pode já existir. Execute o fluxo de trabalho de novo daqui "
        "a pouco."
    ),
    step_invalid="Nada foi criado. {problems}",
)

DRAFTING = DraftingTexts(
    button="Redigir com IA",
    hint=(
        ":sparkles: Escreva um título e algumas notas na descrição, depois prima *Redigir com "
        "IA*: ela escreve o subtítulo e a descrição e sugere um nível. Você revê tudo antes de "
        "criar."
    ),
    loading_title="Redigindo…",
    loading=(
        ":hourglass_flowing_sand: Escrevendo um subtítulo e uma descrição para *{title}*… "
        "Pode levar até {seconds} segundos. Depois o seu formulário volta com tudo o que "
        "escreveu."
    ),
    need_input=("Escreva primeiro um título ou algumas notas na descrição: a proposta parte daí."),
    drafted=(
        ":sparkles: Redigido com IA a partir das suas notas: leia o subtítulo e a descrição "
        "antes de criar. Nível sugerido: *{level}*."
    ),
    drafted_no_level=(
        ":sparkles: Redigido com IA a partir das suas notas: leia o subtítulo e a descrição "
        "antes de criar."
    ),
    level_kept="A IA sugere *{suggested}*; a sua escolha, *{chosen}*, é mantida.",
    cut=(
        ":warning: O campo {field} da IA tinha {length} caracteres, acima dos {limit} da Lucca: "
        "foi cortado. Verifique o final."
    ),
    kept_yours="A IA não deu o campo {field}: o seu é mantido.",
    failure={
        "timeout": (
            ":warning: A IA não respondeu a tempo. O seu formulário está como o deixou: tente "
            "de novo."
        ),
        "unavailable": (
            ":warning: A IA está indisponível no momento. O seu formulário está como o deixou: "
            "tente de novo dentro de alguns minutos."
        ),
        "refused": (
            ":warning: O serviço de IA recusou o pedido: avise a pessoa que gere este aplicativo "
            "de que as suas configurações LLM devem ser verificadas. O seu formulário está como "
            "o deixou."
        ),
        "unreadable": (
            ":warning: A resposta da IA não pôde ser usada. O seu formulário está como o deixou: "
            "tente de novo."
        ),
        "internal": (
            ":warning: Algo deu errado neste aplicativo ao redigir. O seu formulário está como o "
            "deixou."
        ),
    },
    field_names={"title": "título", "subtitle": "subtítulo", "description": "descrição"},
    draft_intro="Aqui está uma proposta:",
    labels={
        "title": "Título",
        "subtitle": "Subtítulo",
        "description": "Descrição",
        "level": "Nível sugerido",
    },
    over_limit=(
        ":warning: O campo {field} tem {length} caracteres, acima dos {limit} da Lucca: peça-me "
        "para encurtá-lo (o formulário só mantém os {limit} primeiros)."
    ),
    open_form="Abrir o formulário",
    nothing_created=(
        "Nada é criado até você enviar o formulário. Diga-me o que mudar, ou abra o formulário "
        "para rever e criar."
    ),
    fallback="Proposta: {title}",
    thread_failure={
        "timeout": "Desculpe, a IA não respondeu a tempo. Repita daqui a pouco.",
        "unavailable": (
            "Desculpe, a IA está indisponível no momento. Tente dentro de alguns minutos."
        ),
        "refused": (
            "Desculpe, o serviço de IA recusou o pedido: avise a pessoa que gere este aplicativo "
            "de que as suas configurações LLM devem ser verificadas."
        ),
        "unreadable": (
            "Desculpe, a resposta da IA não pôde ser usada. Repita, talvez de outra forma."
        ),
        "internal": "Desculpe, algo deu errado neste aplicativo ao redigir.",
    },
    thread_unreadable=("Desculpe, não consegui reler esta conversa no Slack. Tente daqui a pouco."),
    draft_not_found=("Desculpe, já não encontro esta proposta na conversa. Peça-ma de novo."),
    form_not_opened=(
        "Não foi possível abrir o formulário (o Slack respondeu `{error}`). Prima o botão de novo."
    ),
)
